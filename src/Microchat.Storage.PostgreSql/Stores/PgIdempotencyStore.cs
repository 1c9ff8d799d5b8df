using Npgsql;

namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>Remembered POST responses in <c>idempotency</c>.</summary>
internal sealed class PgIdempotencyStore(PgDatabase database) : IIdempotencyStore
{
    private const string Insert =
        "INSERT INTO idempotency (key, status_code, content_type, location, body, created_at) VALUES (@key, @status, @type, @location, @body, @created)";

    public ValueTask<IdempotencyRecord?> FindAsync(string key, CancellationToken cancellationToken) => !PgCommands.Storable(key) ? default :
        database.RunAsync((c, ct) => c.QuerySingleAsync(
            "SELECT key, status_code, content_type, location, body, created_at FROM idempotency WHERE key = @key", Read, ct, ("key", key)),
            cancellationToken);

    public ValueTask SaveAsync(IdempotencyRecord record, CancellationToken cancellationToken) =>
        database.ExecuteAsync((c, ct) => c.ExecuteAsync(Insert + " ON CONFLICT (key) DO NOTHING", ct, Parameters(record)), cancellationToken);

    public ValueTask ReplaceAsync(IdempotencyRecord record, CancellationToken cancellationToken) =>
        database.ExecuteAsync((c, ct) => c.ExecuteAsync(
            Insert + """
             ON CONFLICT (key) DO UPDATE SET status_code = excluded.status_code, content_type = excluded.content_type,
                location = excluded.location, body = excluded.body, created_at = excluded.created_at
            """, ct, Parameters(record)), cancellationToken);

    public ValueTask PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        database.ExecuteAsync((c, ct) => c.ExecuteAsync("DELETE FROM idempotency WHERE created_at < @before", ct,
            ("before", PgCommands.Utc(olderThan))), cancellationToken);

    private static (string, object?)[] Parameters(IdempotencyRecord r) =>
    [
        ("key", r.Key), ("status", r.StatusCode), ("type", r.ContentType), ("location", r.Location), ("body", r.Body),
        ("created", PgCommands.Utc(r.CreatedAt)),
    ];

    private static IdempotencyRecord Read(NpgsqlDataReader r) => new()
    {
        Key = r.GetString(0), StatusCode = r.GetInt32(1), ContentType = r.NullableString(2), Location = r.NullableString(3),
        Body = r.GetFieldValue<byte[]>(4), CreatedAt = r.Time(5),
    };
}
