namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>
/// File bytes in <c>blob_chunks</c> (bytea rows of <see cref="ChunkSize"/> bytes) under their
/// SHA-256, with one <c>blobs</c> row written last: until it exists the blob does not. A save
/// streams the upload chunk by chunk and never holds more than one chunk in memory.
/// </summary>
internal sealed class PgBlobStore(PgDatabase database) : IBlobStore
{
    /// <summary>Every chunk but a file's last holds exactly this many bytes: readers seek by it.</summary>
    internal const int ChunkSize = 256 * 1024;

    public ValueTask<bool> ExistsAsync(string sha256, CancellationToken cancellationToken) => !PgCommands.Storable(sha256) ? default :
        database.RunAsync(async (c, ct) => await c.ScalarAsync("SELECT count(*) FROM blobs WHERE sha256 = @sha", ct, ("sha", sha256)) > 0,
            cancellationToken);

    public ValueTask SaveAsync(string sha256, Stream content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        ArgumentNullException.ThrowIfNull(content);
        return database.ExecuteAsync(async (c, ct) =>
        {
            // Saves of the same bytes on any host take turns; the second finds the first's blob.
            await c.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended('blob:' || @sha, 0))", ct, ("sha", sha256));
            if (await c.ScalarAsync("SELECT count(*) FROM blobs WHERE sha256 = @sha", ct, ("sha", sha256)) > 0) return;
            await c.ExecuteAsync("DELETE FROM blob_chunks WHERE sha256 = @sha", ct, ("sha", sha256));
            var buffer = new byte[ChunkSize];
            var index = 0;
            long length = 0;
            while (true)
            {
                var read = await content.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, ct);
                if (read == 0) break;
                await c.ExecuteAsync("INSERT INTO blob_chunks (sha256, n, data) VALUES (@sha, @n, @data)", ct,
                    ("sha", sha256), ("n", index++), ("data", new ArraySegment<byte>(buffer, 0, read)));
                length += read;
                if (read < ChunkSize) break;
            }
            await c.ExecuteAsync("INSERT INTO blobs (sha256, length, chunks) VALUES (@sha, @length, @chunks)", ct,
                ("sha", sha256), ("length", length), ("chunks", index));
        }, cancellationToken);
    }

    public async ValueTask<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        if (!PgCommands.Storable(sha256)) return null;
        var length = await database.RunAsync((c, ct) => c.QuerySingleAsync("SELECT length FROM blobs WHERE sha256 = @sha",
            r => (long?)r.GetInt64(0), ct, ("sha", sha256)), cancellationToken);
        return length is { } total ? new PgBlobStream(database, sha256, total) : null;
    }
}
