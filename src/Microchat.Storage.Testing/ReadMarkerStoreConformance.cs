using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>What every <see cref="IReadMarkerStore"/> must do.</summary>
public abstract partial class StoreConformance
{
    private IReadMarkerStore ReadMarkerMarkers => Store<IReadMarkerStore>();

    [Fact]
    public async Task ReadMarkerStore_Set_OnlyMovesForward()
    {
        var chat = ChatKey.Conference(1);
        await ReadMarkerMarkers.SetAsync(5, chat, 10, Ct);
        await ReadMarkerMarkers.SetAsync(5, chat, 4, Ct);

        Assert.Equal(10, (await ReadMarkerMarkers.GetAsync(5, [chat], Ct))[chat]);
    }

    [Fact]
    public async Task ReadMarkerStore_Get_LeavesOutUnreadChats_AndDeletesCoverChatsAndReaders()
    {
        var read = ChatKey.Dialog(5, 6);
        var other = ChatKey.Conference(2);
        await ReadMarkerMarkers.SetAsync(5, read, 3, Ct);
        await ReadMarkerMarkers.SetAsync(6, read, 2, Ct);
        await ReadMarkerMarkers.SetAsync(5, other, 1, Ct);

        Assert.Equal(2, (await ReadMarkerMarkers.GetAsync(5, [read, other, ChatKey.Conference(3)], Ct)).Count);

        await ReadMarkerMarkers.DeleteChatAsync(read, Ct);
        Assert.Empty(await ReadMarkerMarkers.GetAsync(6, [read], Ct));
        await ReadMarkerMarkers.DeleteReaderAsync(5, Ct);
        Assert.Empty(await ReadMarkerMarkers.GetAsync(5, [read, other], Ct));
    }
}
