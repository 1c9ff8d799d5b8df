using System.Collections.Concurrent;
using System.Threading.Channels;
using Microchat.Storage;
using Microsoft.Extensions.Hosting;

namespace Microchat.Server.Events;

/// <summary>
/// Fan-out from memory: every committed event (announced by the store's <see cref="IEventFeed"/>)
/// is handed to the open streams of exactly its recipients. Nothing is read back from the store
/// per stream; the audience is the event's own recipient list. Control events (a token revoked, an
/// entity deleted) close the streams they concern on every host, since they ride the same feed.
/// </summary>
internal sealed class EventDispatcher : IHostedService
{
    private readonly ConcurrentDictionary<long, StreamSubscription[]> _byCaller = new();
    private readonly Channel<IReadOnlyList<EventRecord>> _committed = Channel.CreateUnbounded<IReadOnlyList<EventRecord>>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly IEventFeed _feed;
    private Task? _pump;

    public EventDispatcher(IEventFeed feed)
    {
        _feed = feed;
    }

    /// <summary>The id of the newest event handed out, so a new stream knows where "now" is.</summary>
    public long LastDispatchedId { get; private set; }

    /// <summary>Open streams on this host.</summary>
    public int OpenStreams => _byCaller.Values.Sum(s => s.Length);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The feed calls back on the store's writer: hand off at once, fan out on our own task.
        _feed.Subscribe(events => _committed.Writer.TryWrite(events));
        _pump = Task.Run(PumpAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _committed.Writer.TryComplete();
        // Stopping must not fail the host's shutdown: whatever is still queued is in the log for the next start.
        if (_pump is not null) await _pump.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Opens a mailbox for one stream of <paramref name="callerId"/>; dispose to close it.</summary>
    public StreamSubscription Subscribe(long callerId, long tokenId, int maxStreams)
    {
        var subscription = new StreamSubscription(callerId, tokenId);
        StreamSubscription? oldest = null;
        _byCaller.AddOrUpdate(callerId, [subscription], (_, current) =>
        {
            oldest = current.Length >= maxStreams ? current[0] : null;
            return [.. current.Skip(current.Length >= maxStreams ? 1 : 0), subscription];
        });
        // Over the cap, the oldest stream of the caller gives way to the new one.
        oldest?.Close();
        return subscription;
    }

    /// <summary>Removes a stream's mailbox.</summary>
    public void Unsubscribe(StreamSubscription subscription)
    {
        while (_byCaller.TryGetValue(subscription.CallerId, out var current))
        {
            var rest = current.Where(s => s != subscription).ToArray();
            if (rest.Length == current.Length) return;
            var done = rest.Length == 0
                ? _byCaller.TryRemove(new KeyValuePair<long, StreamSubscription[]>(subscription.CallerId, current))
                : _byCaller.TryUpdate(subscription.CallerId, rest, current);
            if (done) return;
        }
    }

    private async Task PumpAsync()
    {
        await foreach (var batch in _committed.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            foreach (var e in batch) Dispatch(e);
        }
    }

    private void Dispatch(EventRecord e)
    {
        // Id 0: an event that is never logged (typing), for streams open right now.
        var item = e.Id == 0 ? new StreamItem(null, e.Name, e.Data) : new StreamItem(e);
        LastDispatchedId = Math.Max(LastDispatchedId, e.Id);
        if (ControlEvents.IsControl(e.Name))
        {
            ApplyControl(e);
            return;
        }
        foreach (var recipient in e.Recipients)
        {
            if (_byCaller.TryGetValue(recipient, out var streams))
                foreach (var stream in streams) stream.Offer(item);
        }
    }

    private void ApplyControl(EventRecord e)
    {
        var tokenId = ControlEvents.TokenIdOf(e);
        foreach (var recipient in e.Recipients)
        {
            if (!_byCaller.TryGetValue(recipient, out var streams)) continue;
            foreach (var stream in streams)
                if (tokenId is null || stream.TokenId == tokenId) stream.Close();
        }
    }
}
