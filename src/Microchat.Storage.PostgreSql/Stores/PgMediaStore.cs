using Microchat.Contracts;
using Npgsql;

namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>Media metadata in <c>media</c>; the bytes are in the blob store.</summary>
internal sealed class PgMediaStore(PgDatabase database) : IMediaStore
{
    private const string Columns = "id, uploader_id, name, content_type, size, sha256, kind, created_at";

    public ValueTask CreateAsync(MediaRecord media, CancellationToken cancellationToken) =>
        database.ExecuteAsync((c, ct) => c.ExecuteAsync(
            $"INSERT INTO media ({Columns}) VALUES (@id, @uploader, @name, @type, @size, @sha, @kind, @created)", ct,
            ("id", media.Id), ("uploader", media.UploaderId), ("name", media.Name), ("type", media.ContentType), ("size", media.Size),
            ("sha", media.Sha256), ("kind", (int)media.Kind), ("created", PgCommands.Utc(media.CreatedAt))), cancellationToken);

    public ValueTask<MediaRecord?> GetAsync(string id, CancellationToken cancellationToken) => !PgCommands.Storable(id) ? default :
        database.RunAsync((c, ct) => c.QuerySingleAsync($"SELECT {Columns} FROM media WHERE id = @id", Read, ct, ("id", id)),
            cancellationToken);

    public async ValueTask<IReadOnlyList<MediaRecord>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        return await database.RunAsync((c, ct) => c.QueryAsync($"SELECT {Columns} FROM media WHERE id = ANY(@ids)", Read, ct,
            ("ids", ids.Where(PgCommands.Storable).Distinct().ToArray())), cancellationToken);
    }

    private static MediaRecord Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0), UploaderId = r.GetInt64(1), Name = r.GetString(2), ContentType = r.GetString(3), Size = r.GetInt64(4),
        Sha256 = r.GetString(5), Kind = (MediaKind)r.GetInt32(6), CreatedAt = r.Time(7),
    };
}
