using Npgsql;

namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>
/// The event log in <c>events</c>, which is also the outbox every host's feed reads. Ids come from
/// the one <c>event_log</c> row, updated in the appending transaction: its row lock is held until
/// commit, so ids are handed out in commit order and a reader that sees id n sees every id below
/// n too. The same transaction notifies <c>microchat_events</c>, delivered on commit.
/// </summary>
internal sealed class PgEventStore(PgDatabase database) : IEventStore
{
    /// <summary>The channel every host listens on.</summary>
    public const string Channel = "microchat_events";

    private const string Columns = "id, name, data, recipients, created_at";

    public async ValueTask<IReadOnlyList<EventRecord>> AppendAsync(IReadOnlyList<EventRecord> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return [];
        return await database.RunAsync(async (c, ct) =>
        {
            var last = await c.ScalarAsync("UPDATE event_log SET last_id = last_id + @n RETURNING last_id", ct, ("n", (long)events.Count));
            var first = last - events.Count + 1;
            var stored = events.Select((e, i) => e with { Id = first + i, Recipients = e.Recipients.Distinct().ToList() }).ToList();
            foreach (var e in stored)
            {
                await c.ExecuteAsync("INSERT INTO events (id, name, data, recipients, created_at) VALUES (@id, @name, @data, @recipients, @created)",
                    ct, ("id", e.Id), ("name", e.Name), ("data", e.Data), ("recipients", e.Recipients.ToArray()),
                    ("created", PgCommands.Utc(e.CreatedAt)));
            }
            await c.ExecuteAsync($"SELECT pg_notify('{Channel}', @last::text)", ct, ("last", last));
            return (IReadOnlyList<EventRecord>)stored;
        }, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<EventRecord>> ReadAsync(long recipientId, long afterId, int max, CancellationToken cancellationToken)
    {
        var found = new List<EventRecord>();
        var position = afterId;
        while (found.Count < max)
        {
            var page = await ReadPageAsync(recipientId, position, max - found.Count, cancellationToken);
            found.AddRange(page.Events);
            if (page.Through == position) break;
            position = page.Through;
        }
        return found;
    }

    // One statement, so one snapshot: when fewer than max are found, every event up to the log's
    // last id in that snapshot was examined (ids are visible in commit order, without holes).
    public ValueTask<EventPage> ReadPageAsync(long recipientId, long afterId, int max, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) =>
        {
            var after = Math.Max(afterId, 0);
            var rows = await c.QueryAsync(
                $"""
                SELECT f.id, f.name, f.data, f.recipients, f.created_at, l.last_id
                FROM event_log l
                LEFT JOIN LATERAL (
                    SELECT {Columns} FROM events
                    WHERE id > @after AND recipients @> ARRAY[@recipient]::bigint[]
                    ORDER BY id LIMIT @max) f ON true
                ORDER BY f.id
                """, r => (Event: r.IsDBNull(0) ? null : Read(r), Last: r.GetInt64(5)), ct,
                ("after", after), ("recipient", recipientId), ("max", max));
            var found = rows.Where(r => r.Event is not null).Select(r => r.Event!).ToList();
            var through = found.Count >= max ? found[^1].Id : Math.Max(after, rows[0].Last);
            return new EventPage(found, through);
        }, cancellationToken);

    public ValueTask<(long OldestId, long LastId)> GetBoundsAsync(CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) => (await c.QuerySingleAsync(
            "SELECT coalesce((SELECT min(id) FROM events), 0), last_id FROM event_log", r => (r.GetInt64(0), r.GetInt64(1)), ct)),
            cancellationToken);

    public ValueTask PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        database.ExecuteAsync((c, ct) => c.ExecuteAsync("DELETE FROM events WHERE created_at < @before", ct,
            ("before", PgCommands.Utc(olderThan))), cancellationToken);

    /// <summary>The events after <paramref name="afterId"/>, oldest first, at most <paramref name="max"/>: what the feed announces.</summary>
    public static Task<List<EventRecord>> ReadAfterAsync(NpgsqlConnection connection, long afterId, int max, CancellationToken ct) =>
        connection.QueryAsync($"SELECT {Columns} FROM events WHERE id > @after ORDER BY id LIMIT @max", Read, ct,
            ("after", afterId), ("max", max));

    private static EventRecord Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0), Name = r.GetString(1), Data = r.GetString(2), Recipients = r.GetFieldValue<long[]>(3), CreatedAt = r.Time(4),
    };
}
