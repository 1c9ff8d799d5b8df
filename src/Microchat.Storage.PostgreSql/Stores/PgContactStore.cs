using Npgsql;

namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>Contact lists in <c>contacts</c>, keyed by (owner, user).</summary>
internal sealed class PgContactStore(PgDatabase database) : IContactStore
{
    private const string Columns = "owner_id, user_id, name, surname";

    public ValueTask<bool> TryAddAsync(ContactRecord contact, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) => await c.ExecuteAsync(
            $"INSERT INTO contacts ({Columns}) VALUES (@owner, @user, @name, @surname) ON CONFLICT DO NOTHING", ct,
            ("owner", contact.OwnerId), ("user", contact.UserId), ("name", contact.Name), ("surname", contact.Surname)) > 0,
            cancellationToken);

    public ValueTask<ContactRecord?> GetAsync(long ownerId, long userId, CancellationToken cancellationToken) =>
        database.RunAsync((c, ct) => c.QuerySingleAsync($"SELECT {Columns} FROM contacts WHERE owner_id = @owner AND user_id = @user", Read,
            ct, ("owner", ownerId), ("user", userId)), cancellationToken);

    // OrdinalIgnoreCase compares upper-cased code units: upper() under the "C" collation does the same.
    public async ValueTask<IReadOnlyList<ContactRecord>> ListAsync(long ownerId, int offset, int count, CancellationToken cancellationToken) =>
        await database.RunAsync((c, ct) => c.QueryAsync(
            $"""
            SELECT {Columns} FROM contacts WHERE owner_id = @owner
            ORDER BY upper(name) COLLATE "C", upper(coalesce(surname, '')) COLLATE "C", user_id
            OFFSET @offset LIMIT @count
            """, Read, ct, ("owner", ownerId), ("offset", offset), ("count", count)), cancellationToken);

    public ValueTask<bool> UpdateAsync(ContactRecord contact, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) => await c.ExecuteAsync(
            "UPDATE contacts SET name = @name, surname = @surname WHERE owner_id = @owner AND user_id = @user", ct,
            ("owner", contact.OwnerId), ("user", contact.UserId), ("name", contact.Name), ("surname", contact.Surname)) > 0,
            cancellationToken);

    public ValueTask<bool> DeleteAsync(long ownerId, long userId, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) => await c.ExecuteAsync("DELETE FROM contacts WHERE owner_id = @owner AND user_id = @user", ct,
            ("owner", ownerId), ("user", userId)) > 0, cancellationToken);

    public ValueTask DeleteUserAsync(long userId, CancellationToken cancellationToken) =>
        database.ExecuteAsync((c, ct) => c.ExecuteAsync("DELETE FROM contacts WHERE owner_id = @user OR user_id = @user", ct, ("user", userId)),
            cancellationToken);

    private static ContactRecord Read(NpgsqlDataReader r) => new()
    {
        OwnerId = r.GetInt64(0), UserId = r.GetInt64(1), Name = r.GetString(2), Surname = r.NullableString(3),
    };
}
