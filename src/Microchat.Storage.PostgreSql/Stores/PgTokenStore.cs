using Npgsql;

namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>Bearer tokens in <c>tokens</c>, found by the hash of their secret.</summary>
internal sealed class PgTokenStore(PgDatabase database) : ITokenStore
{
    private const string Columns = "id, owner_id, hash, name, created_at, last_used_at";

    public async ValueTask<TokenRecord> CreateAsync(TokenRecord token, CancellationToken cancellationToken) =>
        (await database.RunAsync((c, ct) => c.QuerySingleAsync(
            $"INSERT INTO tokens (owner_id, hash, name, created_at, last_used_at) VALUES (@owner, @hash, @name, @created, @used) RETURNING {Columns}",
            Read, ct, ("owner", token.OwnerId), ("hash", token.Hash), ("name", token.Name), ("created", PgCommands.Utc(token.CreatedAt)),
            ("used", PgCommands.Utc(token.LastUsedAt))), cancellationToken))!;

    public ValueTask<TokenRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken) => !PgCommands.Storable(hash) ? default :
        database.RunAsync((c, ct) => c.QuerySingleAsync($"SELECT {Columns} FROM tokens WHERE hash = @hash", Read, ct, ("hash", hash)),
            cancellationToken);

    public async ValueTask<IReadOnlyList<TokenRecord>> ListAsync(long ownerId, int offset, int count, CancellationToken cancellationToken) =>
        await database.RunAsync((c, ct) => c.QueryAsync(
            $"SELECT {Columns} FROM tokens WHERE owner_id = @owner ORDER BY id OFFSET @offset LIMIT @count", Read, ct,
            ("owner", ownerId), ("offset", offset), ("count", count)), cancellationToken);

    public ValueTask TouchAsync(long id, DateTimeOffset usedAt, CancellationToken cancellationToken) =>
        database.ExecuteAsync((c, ct) => c.ExecuteAsync("UPDATE tokens SET last_used_at = @used WHERE id = @id", ct,
            ("used", PgCommands.Utc(usedAt)), ("id", id)), cancellationToken);

    public ValueTask<bool> DeleteAsync(long ownerId, long id, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) => await c.ExecuteAsync("DELETE FROM tokens WHERE owner_id = @owner AND id = @id", ct,
            ("owner", ownerId), ("id", id)) > 0, cancellationToken);

    public ValueTask DeleteAllAsync(long ownerId, CancellationToken cancellationToken) =>
        database.ExecuteAsync((c, ct) => c.ExecuteAsync("DELETE FROM tokens WHERE owner_id = @owner", ct, ("owner", ownerId)), cancellationToken);

    private static TokenRecord Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0), OwnerId = r.GetInt64(1), Hash = r.GetString(2), Name = r.NullableString(3), CreatedAt = r.Time(4),
        LastUsedAt = r.NullableTime(5),
    };
}
