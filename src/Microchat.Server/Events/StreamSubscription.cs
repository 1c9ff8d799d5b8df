using System.Threading.Channels;
using Microchat.Storage;

namespace Microchat.Server.Events;

/// <summary>
/// One open stream's mailbox: the dispatcher drops the caller's events in, the stream takes them
/// out. It is bounded: a stream that falls this far behind is marked <see cref="Lagging"/> and
/// reads the rest from the log instead, so a slow reader never holds memory or the dispatcher.
/// </summary>
internal sealed class StreamSubscription
{
    private const int Capacity = 1_024;

    private readonly Channel<StreamItem> _items = Channel.CreateBounded<StreamItem>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _closed = new();

    public StreamSubscription(long callerId, long tokenId)
    {
        CallerId = callerId;
        TokenId = tokenId;
    }

    public long CallerId { get; }

    public long TokenId { get; }

    /// <summary>Set when an event could not be queued: the stream must refill from the log.</summary>
    public bool Lagging { get; private set; }

    /// <summary>Cancelled when the stream must end (its token revoked, its caller deleted, too many streams).</summary>
    public CancellationToken Closed => _closed.Token;

    public ChannelReader<StreamItem> Reader => _items.Reader;

    /// <summary>Queues an item without waiting; on overflow the stream falls back to the log.</summary>
    public void Offer(StreamItem item)
    {
        if (!_items.Writer.TryWrite(item) && item.Event is not null) Lagging = true;
    }

    /// <summary>Clears the lagging mark once the stream has refilled from the log.</summary>
    public void ResetLagging()
    {
        Lagging = false;
        while (_items.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>Ends the stream.</summary>
    public void Close()
    {
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already ended.
        }
    }
}

/// <summary>A logged event, or an ephemeral one (typing) that has no id and is never replayed.</summary>
internal sealed class StreamItem(EventRecord? e, string? ephemeralName = null, string? ephemeralData = null)
{
    private SseFrame? _frame;

    public EventRecord? Event => e;

    /// <summary>
    /// The event as it goes on the wire, encoded by the first stream that sends it and shared by the
    /// rest (two streams racing both encode the same bytes; either copy will do).
    /// </summary>
    public SseFrame Frame => _frame ??= e is not null
        ? SseFrame.Of(e.Name, e.Data, e.Id)
        : SseFrame.Of(ephemeralName ?? "", ephemeralData ?? EventStream.NoData, null);
}
