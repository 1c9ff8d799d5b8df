using Npgsql;

namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>
/// Bots' webhooks in <c>webhooks</c>, keyed by the bot's id, with the delivery lease that lets only one host
/// deliver a bot's events: granted by one conditional UPDATE, which PostgreSQL runs one at a time per row.
/// </summary>
internal sealed class PgWebhookStore(PgDatabase database) : IWebhookStore
{
    private const string Columns = "bot_id, url, secret, last_delivered_id, last_error, last_error_at";

    public ValueTask<WebhookRecord?> FindAsync(long botId, CancellationToken cancellationToken) =>
        database.RunAsync((c, ct) => c.QuerySingleAsync($"SELECT {Columns} FROM webhooks WHERE bot_id = @bot", Read, ct, ("bot", botId)),
            cancellationToken);

    public async ValueTask<IReadOnlyList<WebhookRecord>> ListAsync(CancellationToken cancellationToken) =>
        await database.RunAsync((c, ct) => c.QueryAsync($"SELECT {Columns} FROM webhooks ORDER BY bot_id", Read, ct), cancellationToken);

    public ValueTask SaveAsync(WebhookRecord webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        // The lease is not the record's: replacing the webhook leaves whoever delivers it delivering.
        return database.ExecuteAsync((c, ct) => c.ExecuteAsync(
            """
            INSERT INTO webhooks (bot_id, url, secret, last_delivered_id, last_error, last_error_at)
            VALUES (@bot, @url, @secret, @position, @error, @errorAt)
            ON CONFLICT (bot_id) DO UPDATE SET url = excluded.url, secret = excluded.secret, last_delivered_id = excluded.last_delivered_id,
                last_error = excluded.last_error, last_error_at = excluded.last_error_at
            """, ct, ("bot", webhook.BotId), ("url", webhook.Url), ("secret", webhook.Secret), ("position", webhook.LastDeliveredId),
            ("error", webhook.LastError), ("errorAt", PgCommands.Utc(webhook.LastErrorAt))), cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(long botId, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) => await c.ExecuteAsync("DELETE FROM webhooks WHERE bot_id = @bot", ct, ("bot", botId)) > 0,
            cancellationToken);

    public ValueTask<bool> RecordDeliveryAsync(long botId, long eventId, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) => await c.ExecuteAsync(
            """
            UPDATE webhooks SET last_delivered_id = greatest(last_delivered_id, @event), last_error = NULL, last_error_at = NULL
            WHERE bot_id = @bot
            """, ct, ("event", eventId), ("bot", botId)) > 0, cancellationToken);

    public ValueTask<bool> RecordFailureAsync(long botId, string error, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) => await c.ExecuteAsync(
            "UPDATE webhooks SET last_error = @error, last_error_at = @at WHERE bot_id = @bot", ct,
            ("error", error), ("at", PgCommands.Utc(at)), ("bot", botId)) > 0, cancellationToken);

    // A concurrent claimant waits on the row lock, then re-checks the condition against the row as the winner left it.
    public ValueTask<bool> TryLeaseAsync(long botId, string holder, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) => await c.ExecuteAsync(
            """
            UPDATE webhooks SET lease_holder = @holder, lease_until = @until
            WHERE bot_id = @bot AND (lease_holder = @holder OR lease_until IS NULL OR lease_until <= @now)
            """, ct, ("holder", holder), ("until", PgCommands.Utc(until)), ("bot", botId), ("now", PgCommands.Utc(now))) > 0,
            cancellationToken);

    private static WebhookRecord Read(NpgsqlDataReader r) => new()
    {
        BotId = r.GetInt64(0), Url = r.GetString(1), Secret = r.GetString(2), LastDeliveredId = r.GetInt64(3),
        LastError = r.NullableString(4), LastErrorAt = r.NullableTime(5),
    };
}
