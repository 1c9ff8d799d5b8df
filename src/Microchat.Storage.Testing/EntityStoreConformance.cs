using Microchat.Contracts;
using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>What every <see cref="IEntityStore"/> must do.</summary>
public abstract partial class StoreConformance
{
    private IEntityStore EntityEntities => Store<IEntityStore>();

    private static EntityRecord EntityUser(string alias) =>
        new() { Alias = alias, Type = EntityType.User, CreatedAt = At(1), Name = "Name " + alias, PasswordHash = "hash" };

    [Fact]
    public async Task EntityStore_Create_AssignsIncreasingIds_AndRoundTripsEveryField()
    {
        var conference = new EntityRecord
        {
            Alias = "Team", Type = EntityType.Conference, CreatedAt = At(2), Title = "T", Description = "D",
            OwnerId = 7, IsPrivate = true, DefaultPermissions = Permissions.Participant with { Delete = true },
        };
        var first = await EntityEntities.TryCreateAsync(EntityUser("alice"), Ct);
        var second = await EntityEntities.TryCreateAsync(conference, Ct);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.True(second.Id > first.Id);
        Assert.Equal(conference with { Id = second.Id }, await EntityEntities.FindAsync(second.Id, Ct));
    }

    [Fact]
    public async Task EntityStore_Create_RefusesATakenAlias_WhateverItsCase()
    {
        await EntityEntities.TryCreateAsync(EntityUser("alice"), Ct);

        Assert.Null(await EntityEntities.TryCreateAsync(EntityUser("ALICE"), Ct));
        Assert.Equal("alice", (await EntityEntities.FindByAliasAsync("Alice", Ct))?.Alias);
    }

    [Fact]
    public async Task EntityStore_ConcurrentCreates_OfOneAlias_MakeExactlyOneEntity()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            await EntityEntities.TryCreateAsync(EntityUser("race"), Ct))));

        Assert.Single(attempts, created => created is not null);
    }

    [Fact]
    public async Task EntityStore_Delete_FreesTheAlias_ButNeverReusesTheId()
    {
        var first = (await EntityEntities.TryCreateAsync(EntityUser("alice"), Ct))!;
        Assert.True(await EntityEntities.DeleteAsync(first.Id, Ct));

        var again = (await EntityEntities.TryCreateAsync(EntityUser("alice"), Ct))!;

        Assert.NotEqual(first.Id, again.Id);
        Assert.Null(await EntityEntities.FindAsync(first.Id, Ct));
        Assert.False(await EntityEntities.DeleteAsync(first.Id, Ct));
    }

    [Fact]
    public async Task EntityStore_Update_ChangesFields_ButKeepsTheAlias()
    {
        var user = (await EntityEntities.TryCreateAsync(EntityUser("alice"), Ct))!;

        Assert.True(await EntityEntities.UpdateAsync(user with { Alias = "mallory", Bio = "hi" }, Ct));

        var stored = await EntityEntities.FindAsync(user.Id, Ct);
        Assert.Equal("alice", stored?.Alias);
        Assert.Equal("hi", stored?.Bio);
        Assert.False(await EntityEntities.UpdateAsync(user with { Id = 999_999 }, Ct));
    }

    [Fact]
    public async Task EntityStore_FindMany_AndListOwned_ReturnWhatExists()
    {
        var owner = (await EntityEntities.TryCreateAsync(EntityUser("owner"), Ct))!;
        var bot = (await EntityEntities.TryCreateAsync(new EntityRecord
        {
            Alias = "helper_bot", Type = EntityType.Bot, CreatedAt = At(3), Title = "Helper", OwnerId = owner.Id,
        }, Ct))!;

        var many = await EntityEntities.FindManyAsync([owner.Id, bot.Id, 999_999], Ct);

        Assert.Equal([owner.Id, bot.Id], many.Select(e => e.Id).Order());
        Assert.Equal([bot.Id], (await EntityEntities.ListOwnedAsync(owner.Id, EntityType.Bot, Ct)).Select(e => e.Id));
        Assert.Empty(await EntityEntities.ListOwnedAsync(owner.Id, EntityType.Conference, Ct));
    }
}
