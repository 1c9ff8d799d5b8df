using Xunit;

namespace Microchat.Storage.Conformance;

/// <summary>What every <see cref="IAvatarStore"/> must do.</summary>
public abstract class AvatarStoreConformance : StoreConformance
{
    private IAvatarStore Avatars => Store<IAvatarStore>();

    private ValueTask<AvatarRecord> AddAsync(long entity, string media, int second = 1) =>
        Avatars.AddAsync(new AvatarRecord { EntityId = entity, MediaId = media, CreatedAt = At(second) }, Ct);

    [Fact]
    public async Task Add_AssignsIncreasingIds_AndRoundTrips()
    {
        var first = await AddAsync(1, "m1", 1);
        var second = await AddAsync(1, "m2", 2);

        Assert.True(second.Id > first.Id);
        Assert.Equal(new AvatarRecord { Id = first.Id, EntityId = 1, MediaId = "m1", CreatedAt = At(1) }, await Avatars.GetAsync(1, first.Id, Ct));
        Assert.Null(await Avatars.GetAsync(2, first.Id, Ct));
    }

    [Fact]
    public async Task List_IsNewestFirst_OneEntitysOnly_AndPages()
    {
        var a = await AddAsync(1, "a");
        await AddAsync(2, "x");
        var b = await AddAsync(1, "b");
        var c = await AddAsync(1, "c");

        Assert.Equal([c.Id, b.Id, a.Id], (await Avatars.ListAsync(1, 0, 10, Ct)).Select(x => x.Id));
        Assert.Equal([b.Id], (await Avatars.ListAsync(1, 1, 1, Ct)).Select(x => x.Id));
        Assert.Empty(await Avatars.ListAsync(3, 0, 10, Ct));
    }

    [Fact]
    public async Task Current_IsEachEntitysNewest()
    {
        await AddAsync(1, "a");
        var b = await AddAsync(1, "b");
        var x = await AddAsync(2, "x");

        var current = await Avatars.GetCurrentAsync([1, 2, 3, 1], Ct);

        Assert.Equal(2, current.Count);
        Assert.Equal(b, current[1]);
        Assert.Equal(x, current[2]);
        Assert.Empty(await Avatars.GetCurrentAsync([], Ct));
    }

    [Fact]
    public async Task Delete_OnlyRemovesTheEntitysAvatar_AndThePreviousBecomesCurrent()
    {
        var a = await AddAsync(1, "a");
        var b = await AddAsync(1, "b");

        Assert.False(await Avatars.DeleteAsync(2, b.Id, Ct));
        Assert.True(await Avatars.DeleteAsync(1, b.Id, Ct));
        Assert.False(await Avatars.DeleteAsync(1, b.Id, Ct));

        Assert.Equal(a, (await Avatars.GetCurrentAsync([1], Ct))[1]);
    }

    [Fact]
    public async Task Ids_AreNeverReused_AfterADelete()
    {
        var a = await AddAsync(1, "a");
        await Avatars.DeleteAsync(1, a.Id, Ct);

        var b = await AddAsync(1, "b");

        Assert.True(b.Id > a.Id);
    }

    [Fact]
    public async Task DeleteAll_RemovesEveryAvatarOfOneEntity()
    {
        await AddAsync(1, "a");
        await AddAsync(1, "b");
        await AddAsync(2, "x");

        await Avatars.DeleteAllAsync(1, Ct);

        Assert.Empty(await Avatars.ListAsync(1, 0, 10, Ct));
        Assert.Single(await Avatars.ListAsync(2, 0, 10, Ct));
    }
}
