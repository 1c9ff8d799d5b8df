using Xunit;

namespace Microchat.Storage.Conformance;

/// <summary>What every <see cref="IReadMarkerStore"/> must do.</summary>
public abstract class ReadMarkerStoreConformance : StoreConformance
{
    private IReadMarkerStore Markers => Store<IReadMarkerStore>();

    [Fact]
    public async Task Set_OnlyMovesForward()
    {
        var chat = ChatKey.Conference(1);
        await Markers.SetAsync(5, chat, 10, Ct);
        await Markers.SetAsync(5, chat, 4, Ct);

        Assert.Equal(10, (await Markers.GetAsync(5, [chat], Ct))[chat]);
    }

    [Fact]
    public async Task Get_LeavesOutUnreadChats_AndDeletesCoverChatsAndReaders()
    {
        var read = ChatKey.Dialog(5, 6);
        var other = ChatKey.Conference(2);
        await Markers.SetAsync(5, read, 3, Ct);
        await Markers.SetAsync(6, read, 2, Ct);
        await Markers.SetAsync(5, other, 1, Ct);

        Assert.Equal(2, (await Markers.GetAsync(5, [read, other, ChatKey.Conference(3)], Ct)).Count);

        await Markers.DeleteChatAsync(read, Ct);
        Assert.Empty(await Markers.GetAsync(6, [read], Ct));
        await Markers.DeleteReaderAsync(5, Ct);
        Assert.Empty(await Markers.GetAsync(5, [read, other], Ct));
    }
}
