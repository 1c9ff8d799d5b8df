using Microchat.Storage.PostgreSql.Stores;
using Microsoft.Extensions.Logging;

namespace Microchat.Storage.PostgreSql;

/// <summary>
/// Every host's view of the shared log: one LISTEN connection per host wakes on each commit's
/// notification (and every few seconds regardless, in case one was missed while reconnecting),
/// reads the events after the last one announced, in id order, and announces them. Ids are given
/// in commit order (see <see cref="PgEventStore"/>), so reading "after the last announced" never
/// skips an event that commits late.
/// </summary>
internal sealed class PgEventFeed(PgDatabase database, ILogger<PgEventFeed> logger) : IEventFeed, IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private const int ReadBatch = 1_000;
    private readonly List<Action<IReadOnlyList<EventRecord>>> _subscribers = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task? _listening;
    private long _lastSeen;

    public void Subscribe(Action<IReadOnlyList<EventRecord>> onCommitted)
    {
        lock (_gate)
        {
            _subscribers.Add(onCommitted);
            if (_listening is not null) return;
            // "Now" is fixed before Subscribe returns: an event committed after it is announced.
            _lastSeen = ReadLastIdAsync().GetAwaiter().GetResult();
            _listening = Task.Run(() => ListenAsync(_stopping.Token));
        }
    }

    private async Task<long> ReadLastIdAsync()
    {
        await database.EnsureSchemaAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ScalarAsync("SELECT last_id FROM event_log", CancellationToken.None);
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.DataSource.OpenConnectionAsync(ct);
                await connection.ExecuteAsync($"LISTEN {PgEventStore.Channel}", ct);
                // Whatever committed while (re)connecting is read before waiting.
                await AnnounceNewAsync(ct);
                while (!ct.IsCancellationRequested)
                {
                    await connection.WaitAsync(PollInterval, ct);
                    await AnnounceNewAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "The PostgreSQL event feed lost its connection; reconnecting.");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task AnnounceNewAsync(CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        while (true)
        {
            var batch = await PgEventStore.ReadAfterAsync(connection, _lastSeen, ReadBatch, ct);
            if (batch.Count == 0) return;
            _lastSeen = batch[^1].Id;
            Action<IReadOnlyList<EventRecord>>[] subscribers;
            lock (_gate) subscribers = [.. _subscribers];
            foreach (var subscriber in subscribers) subscriber(batch);
            if (batch.Count < ReadBatch) return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_listening is not null)
        {
            try
            {
                await _listening;
            }
            catch (OperationCanceledException)
            {
                // Stopped, as asked.
            }
        }
        _stopping.Dispose();
    }
}
