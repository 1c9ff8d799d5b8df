using Microchat.Contracts;
using Npgsql;

namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>
/// Users, bots and conferences in <c>entities</c>; a unique index on lower(alias) keeps aliases unique across hosts.
/// Every write keeps the entity's search words (<see cref="PgEntityWords"/>) in the same transaction.
/// </summary>
internal sealed class PgEntityStore(PgDatabase database) : IEntityStore
{
    internal const string Columns =
        "id, alias, type, created_at, password_hash, name, surname, bio, title, description, owner_id, is_private, default_permissions";

    public ValueTask<EntityRecord?> TryCreateAsync(EntityRecord entity, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) =>
        {
            var created = await c.QuerySingleAsync(
                $"""
                INSERT INTO entities (alias, type, created_at, password_hash, name, surname, bio, title, description, owner_id, is_private, default_permissions)
                VALUES (@alias, @type, @created, @hash, @name, @surname, @bio, @title, @description, @owner, @private, @permissions)
                ON CONFLICT ((lower(alias))) DO NOTHING
                RETURNING {Columns}
                """, Read, ct, Parameters(entity));
            // Its search words commit with it.
            if (created is not null) await PgEntityWords.ReplaceAsync(c, created, ct);
            return created;
        }, cancellationToken);

    public ValueTask<EntityRecord?> FindAsync(long id, CancellationToken cancellationToken) =>
        database.RunAsync((c, ct) => c.QuerySingleAsync($"SELECT {Columns} FROM entities WHERE id = @id", Read, ct, ("id", id)),
            cancellationToken);

    public ValueTask<EntityRecord?> FindByAliasAsync(string alias, CancellationToken cancellationToken) => !PgCommands.Storable(alias) ? default :
        database.RunAsync((c, ct) => c.QuerySingleAsync($"SELECT {Columns} FROM entities WHERE lower(alias) = lower(@alias)", Read, ct,
            ("alias", alias)), cancellationToken);

    public async ValueTask<IReadOnlyList<EntityRecord>> FindManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        return await database.RunAsync((c, ct) => c.QueryAsync($"SELECT {Columns} FROM entities WHERE id = ANY(@ids)", Read, ct,
            ("ids", ids.Distinct().ToArray())), cancellationToken);
    }

    public async ValueTask<IReadOnlyList<EntityRecord>> ListOwnedAsync(long ownerId, EntityType type, CancellationToken cancellationToken) =>
        await database.RunAsync((c, ct) => c.QueryAsync($"SELECT {Columns} FROM entities WHERE owner_id = @owner AND type = @type ORDER BY id",
            Read, ct, ("owner", ownerId), ("type", (int)type)), cancellationToken);

    public ValueTask<bool> UpdateAsync(EntityRecord entity, CancellationToken cancellationToken) =>
        // The alias is the entity's identity: it never changes through an update.
        database.RunAsync(async (c, ct) =>
        {
            var alias = await c.QuerySingleAsync(
                """
                UPDATE entities SET type = @type, created_at = @created, password_hash = @hash, name = @name, surname = @surname,
                    bio = @bio, title = @title, description = @description, owner_id = @owner, is_private = @private,
                    default_permissions = @permissions
                WHERE id = @id
                RETURNING alias
                """, r => r.GetString(0), ct, [.. Parameters(entity), ("id", entity.Id)]);
            if (alias is null) return false;
            // The search words follow the title in the same commit.
            await PgEntityWords.ReplaceAsync(c, entity with { Alias = alias }, ct);
            return true;
        }, cancellationToken);

    public ValueTask<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) =>
        {
            if (await c.ExecuteAsync("DELETE FROM entities WHERE id = @id", ct, ("id", id)) == 0) return false;
            await PgEntityWords.RemoveAsync(c, id, ct);
            return true;
        }, cancellationToken);

    private static (string, object?)[] Parameters(EntityRecord e) =>
    [
        ("alias", e.Alias), ("type", (int)e.Type), ("created", PgCommands.Utc(e.CreatedAt)), ("hash", e.PasswordHash),
        ("name", e.Name), ("surname", e.Surname), ("bio", e.Bio), ("title", e.Title), ("description", e.Description),
        ("owner", e.OwnerId), ("private", e.IsPrivate),
        ("permissions", e.DefaultPermissions is { } p ? PermissionFlags.ToBits(p) : null),
    ];

    internal static EntityRecord Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0), Alias = r.GetString(1), Type = (EntityType)r.GetInt32(2), CreatedAt = r.Time(3),
        PasswordHash = r.NullableString(4), Name = r.NullableString(5), Surname = r.NullableString(6), Bio = r.NullableString(7),
        Title = r.NullableString(8), Description = r.NullableString(9), OwnerId = r.NullableLong(10), IsPrivate = r.GetBoolean(11),
        DefaultPermissions = r.IsDBNull(12) ? null : PermissionFlags.FromBits(r.GetInt32(12)),
    };
}
