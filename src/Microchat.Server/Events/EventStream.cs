using System.Globalization;
using System.Runtime.CompilerServices;
using Microchat.Contracts;
using Microchat.Server.Http;
using Microchat.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microchat.Server.Events;

/// <summary>
/// One caller's event stream: the caller's events, in order, from where the client left off. The
/// stream subscribes to the <see cref="EventDispatcher"/> first, then replays what it missed from
/// the log; from then on events come from memory, and the log is read again only if the stream
/// fell so far behind that its mailbox overflowed. Ids make the seams exact: anything at or
/// before the last id sent is skipped, so an event in both the replay and the mailbox goes once.
/// </summary>
internal sealed class EventStream(
    IEventStore store,
    EventDispatcher dispatcher,
    IOptionsMonitor<MicrochatOptions> options,
    IHostApplicationLifetime lifetime)
{
    public const int BatchSize = 100;
    public const string NoData = "{}";

    /// <param name="caller">Whose events.</param>
    /// <param name="lastEventId">The last id the client saw (<c>Last-Event-ID</c>), or null to start from now.</param>
    /// <param name="requestAborted">Ends the stream when the client goes away.</param>
    public async IAsyncEnumerable<SseFrame> ReadAsync(Caller caller, string? lastEventId,
        [EnumeratorCancellation] CancellationToken requestAborted)
    {
        var subscription = dispatcher.Subscribe(caller.Id, caller.TokenId, options.CurrentValue.MaxStreamsPerCaller);
        try
        {
            // The host stopping, the token being revoked or the caller deleted ends the stream;
            // clients reconnect with Last-Event-ID and lose nothing (or are refused, if revoked).
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping, subscription.Closed);
            var ct = stop.Token;
            using var wait = new HeartbeatWait(ct);

            var start = await StartAsync(caller.Id, lastEventId, ct);
            var position = start.Position;
            // The first item carries the starting position, so a client that reconnects before any
            // event arrives resumes from here instead of from a later "now".
            yield return start.Reset ? Item(EventNames.Reset, NoData, position) : Item(EventNames.Heartbeat, NoData, position);

            // Catch up from the log until it has nothing newer for this caller.
            var page = start.FirstPage;
            while (page is not null)
            {
                foreach (var e in page.Events)
                    if (!ControlEvents.IsControl(e.Name)) yield return Item(e.Name, e.Data, e.Id);
                if (page.Through == position) break;
                position = page.Through;
                page = await store.ReadPageAsync(caller.Id, position, BatchSize, ct);
            }

            var heartbeat = options.CurrentValue.HeartbeatInterval;
            while (!ct.IsCancellationRequested)
            {
                if (subscription.Lagging)
                {
                    // The mailbox overflowed: refill from the log, from the last id sent, until caught up.
                    subscription.ResetLagging();
                    while (true)
                    {
                        var refill = await store.ReadPageAsync(caller.Id, position, BatchSize, ct);
                        foreach (var missed in refill.Events)
                            if (!ControlEvents.IsControl(missed.Name)) yield return Item(missed.Name, missed.Data, missed.Id);
                        if (refill.Through == position) break;
                        position = refill.Through;
                    }
                    continue;
                }

                var next = await NextAsync(subscription, wait, heartbeat);
                if (next is null)
                {
                    if (ct.IsCancellationRequested) yield break;
                    yield return Heartbeat;
                    continue;
                }
                if (next.Event is { } e)
                {
                    if (e.Id <= position) continue;
                    position = e.Id;
                }
                // The frame is encoded once for every stream the event goes to.
                yield return next.Frame;
            }
        }
        finally
        {
            dispatcher.Unsubscribe(subscription);
        }
    }

    /// <summary>
    /// A keep-alive: an event named <c>heartbeat</c> without an <c>id:</c> (so it leaves the client's
    /// Last-Event-ID alone), as the stream has always sent it, rather than an SSE comment.
    /// </summary>
    private static SseFrame Heartbeat { get; } = SseFrame.Of(EventNames.Heartbeat, NoData, null);

    private static SseFrame Item(string name, string data, long id) => SseFrame.Of(name, data, id);

    /// <summary>The next item, or null when the heartbeat is due or the stream is ending.</summary>
    private static async ValueTask<StreamItem?> NextAsync(StreamSubscription subscription, HeartbeatWait wait, TimeSpan heartbeat)
    {
        if (subscription.Reader.TryRead(out var ready)) return ready;
        try
        {
            if (await subscription.Reader.WaitToReadAsync(wait.Start(heartbeat)) && subscription.Reader.TryRead(out var item)) return item;
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Where the stream starts, and the first page of its replay (none when it starts from now or with a reset).</summary>
    private async Task<StreamStart> StartAsync(long callerId, string? lastEventId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(lastEventId)) return new StreamStart((await store.GetBoundsAsync(ct)).LastId, false, null);

        if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var after))
            return new StreamStart((await store.GetBoundsAsync(ct)).LastId, true, null);

        // Read first, then check the bounds: pruning only moves the oldest id up, so if the bounds
        // read afterwards still cover "after", nothing the first read needed was gone when it ran.
        var first = await store.ReadPageAsync(callerId, after, BatchSize, ct);
        var (oldest, last) = await store.GetBoundsAsync(ct);
        var firstRetained = oldest == 0 ? last + 1 : oldest;
        if (after > last || after < firstRetained - 1) return new StreamStart(last, true, null);
        return new StreamStart(after, false, first);
    }

    private sealed record StreamStart(long Position, bool Reset, EventPage? FirstPage);
}
