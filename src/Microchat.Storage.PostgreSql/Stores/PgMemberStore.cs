using Microchat.Contracts;
using Npgsql;

namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>
/// Memberships in <c>members</c>, one row per (conference, entity) kept after leaving; its spans
/// as two parallel arrays (from, to), the last "to" null while the membership is open.
/// </summary>
internal sealed class PgMemberStore(PgDatabase database) : IMemberStore
{
    private const string Columns = "conference_id, entity_id, is_owner, permissions, joined_at, active, span_from, span_to";

    // The upsert's WHERE makes a second concurrent join wait on the row and then find it active: one member.
    public ValueTask<bool> TryJoinAsync(long conferenceId, long entityId, Permissions permissions, bool isOwner,
        DateTimeOffset joinedAt, long firstMessageId, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) => await c.ExecuteAsync(
            """
            INSERT INTO members (conference_id, entity_id, is_owner, permissions, joined_at, active, join_seq, span_from, span_to)
            VALUES (@conference, @entity, @owner, @permissions, @joined, true, nextval('member_join_seq'), ARRAY[@first]::bigint[], ARRAY[NULL]::bigint[])
            ON CONFLICT (conference_id, entity_id) DO UPDATE SET
                active = true, is_owner = excluded.is_owner, permissions = excluded.permissions, joined_at = excluded.joined_at,
                join_seq = excluded.join_seq, span_from = members.span_from || @first::bigint, span_to = members.span_to || NULL::bigint
            WHERE NOT members.active
            """, ct, ("conference", conferenceId), ("entity", entityId), ("owner", isOwner),
            ("permissions", PermissionFlags.ToBits(permissions)), ("joined", PgCommands.Utc(joinedAt)), ("first", firstMessageId)) > 0,
            cancellationToken);

    public ValueTask<bool> LeaveAsync(long conferenceId, long entityId, long lastMessageId, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) => await c.ExecuteAsync(
            """
            UPDATE members SET active = false, is_owner = false, span_to[cardinality(span_to)] = @last
            WHERE conference_id = @conference AND entity_id = @entity AND active
            """, ct, ("conference", conferenceId), ("entity", entityId), ("last", lastMessageId)) > 0, cancellationToken);

    public ValueTask<MemberRecord?> FindAsync(long conferenceId, long entityId, CancellationToken cancellationToken) =>
        database.RunAsync((c, ct) => c.QuerySingleAsync(
            $"SELECT {Columns} FROM members WHERE conference_id = @conference AND entity_id = @entity", Read, ct,
            ("conference", conferenceId), ("entity", entityId)), cancellationToken);

    public async ValueTask<IReadOnlyList<MemberRecord>> ListAsync(long conferenceId, int offset, int count, CancellationToken cancellationToken) =>
        await database.RunAsync((c, ct) => c.QueryAsync(
            $"SELECT {Columns} FROM members WHERE conference_id = @conference AND active ORDER BY join_seq OFFSET @offset LIMIT @count", Read,
            ct, ("conference", conferenceId), ("offset", offset), ("count", count)), cancellationToken);

    public async ValueTask<IReadOnlyList<long>> ListMemberIdsAsync(long conferenceId, CancellationToken cancellationToken) =>
        await database.RunAsync((c, ct) => c.QueryAsync(
            "SELECT entity_id FROM members WHERE conference_id = @conference AND active", r => r.GetInt64(0), ct,
            ("conference", conferenceId)), cancellationToken);

    public async ValueTask<int> CountAsync(long conferenceId, CancellationToken cancellationToken) =>
        (int)await database.RunAsync((c, ct) => c.ScalarAsync("SELECT count(*) FROM members WHERE conference_id = @conference AND active", ct,
            ("conference", conferenceId)), cancellationToken);

    public async ValueTask<IReadOnlyList<long>> ListConferenceIdsAsync(long entityId, CancellationToken cancellationToken) =>
        await database.RunAsync((c, ct) => c.QueryAsync(
            "SELECT conference_id FROM members WHERE entity_id = @entity AND active", r => r.GetInt64(0), ct, ("entity", entityId)),
            cancellationToken);

    public async ValueTask<IReadOnlyList<MemberRecord>> ListMembershipsAsync(long entityId, CancellationToken cancellationToken) =>
        await database.RunAsync((c, ct) => c.QueryAsync($"SELECT {Columns} FROM members WHERE entity_id = @entity AND active", Read, ct,
            ("entity", entityId)), cancellationToken);

    public ValueTask<bool> SetPermissionsAsync(long conferenceId, long entityId, Permissions permissions, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) => await c.ExecuteAsync(
            "UPDATE members SET permissions = @permissions WHERE conference_id = @conference AND entity_id = @entity AND active", ct,
            ("permissions", PermissionFlags.ToBits(permissions)), ("conference", conferenceId), ("entity", entityId)) > 0,
            cancellationToken);

    public ValueTask DeleteConferenceAsync(long conferenceId, CancellationToken cancellationToken) =>
        database.ExecuteAsync((c, ct) => c.ExecuteAsync("DELETE FROM members WHERE conference_id = @conference", ct, ("conference", conferenceId)),
            cancellationToken);

    public ValueTask DeleteEntityAsync(long entityId, CancellationToken cancellationToken) =>
        database.ExecuteAsync((c, ct) => c.ExecuteAsync("DELETE FROM members WHERE entity_id = @entity", ct, ("entity", entityId)),
            cancellationToken);

    private static MemberRecord Read(NpgsqlDataReader r)
    {
        var from = r.GetFieldValue<long[]>(6);
        var to = r.GetFieldValue<long?[]>(7);
        return new MemberRecord
        {
            ConferenceId = r.GetInt64(0), EntityId = r.GetInt64(1), IsOwner = r.GetBoolean(2), Permissions = PermissionFlags.FromBits(r.GetInt32(3)),
            JoinedAt = r.Time(4), Active = r.GetBoolean(5),
            Spans = from.Select((f, i) => new MessageSpan(f, to[i])).ToList(),
        };
    }
}
