using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microchat.Contracts;
using Microchat.Server.Http;
using Microchat.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microchat.Server.Events;

/// <summary>
/// One caller's event stream: the log's events addressed to the caller, in order, from where the
/// client left off. The store is the only source: a stream reads it, waits for
/// <see cref="EventSignal"/> or the heartbeat interval, and reads again. Every open stream wakes
/// at every publish and reads its own index range, which is cheap per stream; a very large number
/// of concurrent streams would want one shared reader fanning out instead.
/// </summary>
internal sealed class EventStream(
    IEventStore store,
    EventSignal signal,
    IOptionsMonitor<MicrochatOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time)
{
    public const int BatchSize = 100;
    private const string NoData = "{}";

    /// <param name="caller">Whose events.</param>
    /// <param name="lastEventId">The last id the client saw (<c>Last-Event-ID</c>), or null to start from now.</param>
    /// <param name="requestAborted">Ends the stream when the client goes away.</param>
    public async IAsyncEnumerable<SseItem<string>> ReadAsync(Caller caller, string? lastEventId,
        [EnumeratorCancellation] CancellationToken requestAborted)
    {
        // The host stopping ends every stream, so shutdown is not held up by open connections;
        // clients reconnect with Last-Event-ID and lose nothing.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var ct = stop.Token;

        // Taken before the first read: an event appended after that read still wakes this stream.
        var wake = signal.WaitAsync();
        var start = await StartAsync(caller.Id, lastEventId, ct);
        var position = start.Position;
        // The first item carries the starting position, so a client that reconnects before any
        // event arrives resumes from here instead of from a later "now".
        yield return start.Reset ? Item(EventNames.Reset, NoData, position) : Item(EventNames.Heartbeat, NoData, position);
        var lastWrite = time.GetTimestamp();

        var batch = start.Replay;
        while (!ct.IsCancellationRequested)
        {
            foreach (var e in batch)
            {
                yield return Item(e.Name, e.Data, e.Id);
                position = e.Id;
            }
            if (batch.Count > 0) lastWrite = time.GetTimestamp();

            if (batch.Count < BatchSize)
            {
                // Caught up: wait for the log to grow, keeping a quiet stream alive meanwhile.
                while (!await WokeAsync(wake, options.CurrentValue.HeartbeatInterval - time.GetElapsedTime(lastWrite), ct))
                {
                    if (ct.IsCancellationRequested) yield break;
                    yield return Heartbeat;
                    lastWrite = time.GetTimestamp();
                }
            }

            wake = signal.WaitAsync();
            batch = await store.ReadAsync(caller.Id, position, BatchSize, ct);
        }
    }

    /// <summary>
    /// A keep-alive. <see cref="SseItem{T}"/> cannot express an SSE comment, so this is an event
    /// named <c>heartbeat</c> without an <c>id:</c>: it leaves the client's Last-Event-ID alone.
    /// </summary>
    private static SseItem<string> Heartbeat { get; } = new(NoData, EventNames.Heartbeat);

    private static SseItem<string> Item(string name, string data, long id) =>
        new(data, name) { EventId = id.ToString(CultureInfo.InvariantCulture) };

    /// <summary>Where the stream starts, and the first events to replay.</summary>
    private async Task<StreamStart> StartAsync(long callerId, string? lastEventId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(lastEventId))
            return new StreamStart((await store.GetBoundsAsync(ct)).LastId, false, []);

        if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var after))
            return await ResetAsync(ct);

        // Read first, then check the bounds: pruning only moves the oldest id up, so if the bounds
        // read afterwards still cover "after", nothing the first read needed was gone when it ran.
        var replay = await store.ReadAsync(callerId, after, BatchSize, ct);
        var (oldest, last) = await store.GetBoundsAsync(ct);
        var firstRetained = oldest == 0 ? last + 1 : oldest;
        if (after > last || after < firstRetained - 1) return new StreamStart(last, true, []);
        return new StreamStart(after, false, replay);
    }

    private async Task<StreamStart> ResetAsync(CancellationToken ct) =>
        new((await store.GetBoundsAsync(ct)).LastId, true, []);

    /// <summary>True when the log grew; false at the timeout or when the stream is ending.</summary>
    private async Task<bool> WokeAsync(Task wake, TimeSpan timeout, CancellationToken ct)
    {
        if (wake.IsCompleted) return true;
        if (timeout <= TimeSpan.Zero) return false;
        try
        {
            await wake.WaitAsync(timeout, time, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private sealed record StreamStart(long Position, bool Reset, IReadOnlyList<EventRecord> Replay);
}
