using Npgsql;

namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>Avatars in <c>avatars</c>; the newest (highest id) of an entity is its current one.</summary>
internal sealed class PgAvatarStore(PgDatabase database) : IAvatarStore
{
    private const string Columns = "id, entity_id, media_id, created_at";

    public async ValueTask<AvatarRecord> AddAsync(AvatarRecord avatar, CancellationToken cancellationToken) =>
        (await database.RunAsync((c, ct) => c.QuerySingleAsync(
            $"INSERT INTO avatars (entity_id, media_id, created_at) VALUES (@entity, @media, @created) RETURNING {Columns}", Read, ct,
            ("entity", avatar.EntityId), ("media", avatar.MediaId), ("created", PgCommands.Utc(avatar.CreatedAt))), cancellationToken))!;

    public async ValueTask<IReadOnlyList<AvatarRecord>> ListAsync(long entityId, int offset, int count, CancellationToken cancellationToken) =>
        await database.RunAsync((c, ct) => c.QueryAsync(
            $"SELECT {Columns} FROM avatars WHERE entity_id = @entity ORDER BY id DESC OFFSET @offset LIMIT @count", Read, ct,
            ("entity", entityId), ("offset", offset), ("count", count)), cancellationToken);

    public ValueTask<AvatarRecord?> GetAsync(long entityId, long id, CancellationToken cancellationToken) =>
        database.RunAsync((c, ct) => c.QuerySingleAsync($"SELECT {Columns} FROM avatars WHERE entity_id = @entity AND id = @id", Read, ct,
            ("entity", entityId), ("id", id)), cancellationToken);

    public async ValueTask<IReadOnlyDictionary<long, AvatarRecord>> GetCurrentAsync(IReadOnlyCollection<long> entityIds,
        CancellationToken cancellationToken)
    {
        if (entityIds.Count == 0) return new Dictionary<long, AvatarRecord>();
        var rows = await database.RunAsync((c, ct) => c.QueryAsync(
            $"SELECT DISTINCT ON (entity_id) {Columns} FROM avatars WHERE entity_id = ANY(@ids) ORDER BY entity_id, id DESC", Read, ct,
            ("ids", entityIds.Distinct().ToArray())), cancellationToken);
        return rows.ToDictionary(a => a.EntityId);
    }

    public ValueTask<bool> DeleteAsync(long entityId, long id, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) => await c.ExecuteAsync("DELETE FROM avatars WHERE entity_id = @entity AND id = @id", ct,
            ("entity", entityId), ("id", id)) > 0, cancellationToken);

    public ValueTask DeleteAllAsync(long entityId, CancellationToken cancellationToken) =>
        database.ExecuteAsync((c, ct) => c.ExecuteAsync("DELETE FROM avatars WHERE entity_id = @entity", ct, ("entity", entityId)),
            cancellationToken);

    private static AvatarRecord Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0), EntityId = r.GetInt64(1), MediaId = r.GetString(2), CreatedAt = r.Time(3),
    };
}
