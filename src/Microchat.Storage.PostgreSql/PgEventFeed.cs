using System.Text.Json;
using System.Text.Json.Nodes;
using Microchat.Storage.PostgreSql.Stores;
using Microsoft.Extensions.Logging;
using Npgsql;

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
    // Events that are never stored (typing) travel in the notification itself, on a channel of their own.
    private const string EphemeralChannel = "microchat_ephemeral";
    // PostgreSQL refuses notification payloads of 8000 bytes or more.
    private const int MaxPayloadBytes = 7_900;
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
                connection.Notification += OnNotification;
                await connection.ExecuteAsync($"LISTEN {PgEventStore.Channel}; LISTEN {EphemeralChannel}", ct);
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

    public void PublishEphemeral(EventRecord ephemeral)
    {
        var payload = new JsonObject
        {
            ["name"] = ephemeral.Name,
            ["data"] = ephemeral.Data,
            ["recipients"] = new JsonArray(ephemeral.Recipients.Select(r => (JsonNode)r).ToArray()),
        }.ToJsonString();
        if (System.Text.Encoding.UTF8.GetByteCount(payload) >= MaxPayloadBytes)
        {
            // Too many recipients for one notification: this host's streams still get it; best effort, as promised.
            Announce([ephemeral with { Id = 0 }]);
            return;
        }
        _ = NotifyAsync(payload);
    }

    private async Task NotifyAsync(string payload)
    {
        try
        {
            await using var connection = await database.DataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            command.Parameters.AddWithValue("channel", EphemeralChannel);
            command.Parameters.AddWithValue("payload", payload);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "An ephemeral event could not be sent; it is best effort.");
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Channel != EphemeralChannel) return;
        try
        {
            var node = JsonNode.Parse(e.Payload)!;
            Announce([new EventRecord
            {
                Id = 0,
                Name = node["name"]!.GetValue<string>(),
                Data = node["data"]!.GetValue<string>(),
                Recipients = node["recipients"]!.AsArray().Select(r => r!.GetValue<long>()).ToList(),
                CreatedAt = DateTimeOffset.UtcNow,
            }]);
        }
        catch (JsonException)
        {
            // Not one of ours.
        }
    }

    private void Announce(IReadOnlyList<EventRecord> events)
    {
        Action<IReadOnlyList<EventRecord>>[] subscribers;
        lock (_gate) subscribers = [.. _subscribers];
        foreach (var subscriber in subscribers) subscriber(events);
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
