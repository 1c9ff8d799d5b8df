using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>What every <see cref="IAvatarStore"/> must do.</summary>
public abstract partial class StoreConformance
{
    private IAvatarStore AvatarAvatars => Store<IAvatarStore>();

    private ValueTask<AvatarRecord> AvatarAddAsync(long entity, string media, int second = 1) =>
        AvatarAvatars.AddAsync(new AvatarRecord { EntityId = entity, MediaId = media, CreatedAt = At(second) }, Ct);

    [Fact]
    public async Task AvatarStore_Add_AssignsIncreasingIds_AndRoundTrips()
    {
        var first = await AvatarAddAsync(1, "m1", 1);
        var second = await AvatarAddAsync(1, "m2", 2);

        Assert.True(second.Id > first.Id);
        Assert.Equal(new AvatarRecord { Id = first.Id, EntityId = 1, MediaId = "m1", CreatedAt = At(1) }, await AvatarAvatars.GetAsync(1, first.Id, Ct));
        Assert.Null(await AvatarAvatars.GetAsync(2, first.Id, Ct));
    }

    [Fact]
    public async Task AvatarStore_List_IsNewestFirst_OneEntitysOnly_AndPages()
    {
        var a = await AvatarAddAsync(1, "a");
        await AvatarAddAsync(2, "x");
        var b = await AvatarAddAsync(1, "b");
        var c = await AvatarAddAsync(1, "c");

        Assert.Equal([c.Id, b.Id, a.Id], (await AvatarAvatars.ListAsync(1, 0, 10, Ct)).Select(x => x.Id));
        Assert.Equal([b.Id], (await AvatarAvatars.ListAsync(1, 1, 1, Ct)).Select(x => x.Id));
        Assert.Empty(await AvatarAvatars.ListAsync(3, 0, 10, Ct));
    }

    [Fact]
    public async Task AvatarStore_Current_IsEachEntitysNewest()
    {
        await AvatarAddAsync(1, "a");
        var b = await AvatarAddAsync(1, "b");
        var x = await AvatarAddAsync(2, "x");

        var current = await AvatarAvatars.GetCurrentAsync([1, 2, 3, 1], Ct);

        Assert.Equal(2, current.Count);
        Assert.Equal(b, current[1]);
        Assert.Equal(x, current[2]);
        Assert.Empty(await AvatarAvatars.GetCurrentAsync([], Ct));
    }

    [Fact]
    public async Task AvatarStore_Delete_OnlyRemovesTheEntitysAvatar_AndThePreviousBecomesCurrent()
    {
        var a = await AvatarAddAsync(1, "a");
        var b = await AvatarAddAsync(1, "b");

        Assert.False(await AvatarAvatars.DeleteAsync(2, b.Id, Ct));
        Assert.True(await AvatarAvatars.DeleteAsync(1, b.Id, Ct));
        Assert.False(await AvatarAvatars.DeleteAsync(1, b.Id, Ct));

        Assert.Equal(a, (await AvatarAvatars.GetCurrentAsync([1], Ct))[1]);
    }

    [Fact]
    public async Task AvatarStore_Ids_AreNeverReused_AfterADelete()
    {
        var a = await AvatarAddAsync(1, "a");
        await AvatarAvatars.DeleteAsync(1, a.Id, Ct);

        var b = await AvatarAddAsync(1, "b");

        Assert.True(b.Id > a.Id);
    }

    [Fact]
    public async Task AvatarStore_DeleteAll_RemovesEveryAvatarOfOneEntity()
    {
        await AvatarAddAsync(1, "a");
        await AvatarAddAsync(1, "b");
        await AvatarAddAsync(2, "x");

        await AvatarAvatars.DeleteAllAsync(1, Ct);

        Assert.Empty(await AvatarAvatars.ListAsync(1, 0, 10, Ct));
        Assert.Single(await AvatarAvatars.ListAsync(2, 0, 10, Ct));
    }
}
