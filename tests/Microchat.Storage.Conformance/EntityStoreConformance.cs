using Microchat.Contracts;
using Xunit;

namespace Microchat.Storage.Conformance;

/// <summary>What every <see cref="IEntityStore"/> must do.</summary>
public abstract class EntityStoreConformance : StoreConformance
{
    private IEntityStore Entities => Store<IEntityStore>();

    private static EntityRecord User(string alias) =>
        new() { Alias = alias, Type = EntityType.User, CreatedAt = At(1), Name = "Name " + alias, PasswordHash = "hash" };

    [Fact]
    public async Task Create_AssignsIncreasingIds_AndRoundTripsEveryField()
    {
        var conference = new EntityRecord
        {
            Alias = "Team", Type = EntityType.Conference, CreatedAt = At(2), Title = "T", Description = "D",
            OwnerId = 7, IsPrivate = true, DefaultPermissions = Permissions.Participant with { Delete = true },
        };
        var first = await Entities.TryCreateAsync(User("alice"), Ct);
        var second = await Entities.TryCreateAsync(conference, Ct);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.True(second.Id > first.Id);
        Assert.Equal(conference with { Id = second.Id }, await Entities.FindAsync(second.Id, Ct));
    }

    [Fact]
    public async Task Create_RefusesATakenAlias_WhateverItsCase()
    {
        await Entities.TryCreateAsync(User("alice"), Ct);

        Assert.Null(await Entities.TryCreateAsync(User("ALICE"), Ct));
        Assert.Equal("alice", (await Entities.FindByAliasAsync("Alice", Ct))?.Alias);
    }

    [Fact]
    public async Task ConcurrentCreates_OfOneAlias_MakeExactlyOneEntity()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            await Entities.TryCreateAsync(User("race"), Ct))));

        Assert.Single(attempts, created => created is not null);
    }

    [Fact]
    public async Task Delete_FreesTheAlias_ButNeverReusesTheId()
    {
        var first = (await Entities.TryCreateAsync(User("alice"), Ct))!;
        Assert.True(await Entities.DeleteAsync(first.Id, Ct));

        var again = (await Entities.TryCreateAsync(User("alice"), Ct))!;

        Assert.NotEqual(first.Id, again.Id);
        Assert.Null(await Entities.FindAsync(first.Id, Ct));
        Assert.False(await Entities.DeleteAsync(first.Id, Ct));
    }

    [Fact]
    public async Task Update_ChangesFields_ButKeepsTheAlias()
    {
        var user = (await Entities.TryCreateAsync(User("alice"), Ct))!;

        Assert.True(await Entities.UpdateAsync(user with { Alias = "mallory", Bio = "hi" }, Ct));

        var stored = await Entities.FindAsync(user.Id, Ct);
        Assert.Equal("alice", stored?.Alias);
        Assert.Equal("hi", stored?.Bio);
        Assert.False(await Entities.UpdateAsync(user with { Id = 999_999 }, Ct));
    }

    [Fact]
    public async Task FindMany_AndListOwned_ReturnWhatExists()
    {
        var owner = (await Entities.TryCreateAsync(User("owner"), Ct))!;
        var bot = (await Entities.TryCreateAsync(new EntityRecord
        {
            Alias = "helper_bot", Type = EntityType.Bot, CreatedAt = At(3), Title = "Helper", OwnerId = owner.Id,
        }, Ct))!;

        var many = await Entities.FindManyAsync([owner.Id, bot.Id, 999_999], Ct);

        Assert.Equal([owner.Id, bot.Id], many.Select(e => e.Id).Order());
        Assert.Equal([bot.Id], (await Entities.ListOwnedAsync(owner.Id, EntityType.Bot, Ct)).Select(e => e.Id));
        Assert.Empty(await Entities.ListOwnedAsync(owner.Id, EntityType.Conference, Ct));
    }
}
