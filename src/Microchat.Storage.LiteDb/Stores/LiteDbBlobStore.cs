using System.Collections.Concurrent;
using LiteDB;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>
/// File bytes in LiteDB's FileStorage (<c>_files</c> and <c>_chunks</c>), each file's id its SHA-256,
/// so <c>db.FileStorage</c> reads them like any uploaded file.
/// </summary>
/// <remarks>
/// Writing: LiteDB keeps every page a transaction dirties in memory until it commits, so one
/// transaction for a whole 50 MiB upload would hold the upload in memory (measured: +96 MiB at
/// the peak, 53 MiB kept) and block every other write meanwhile. Chunks are therefore written a
/// few at a time, each batch its own <see cref="LiteDbStorage.Write{T}"/> (a few MiB in memory),
/// and the file entry is written last: until it exists the blob does not, so an interrupted save
/// leaves only orphaned chunks, which the next save of the same bytes replaces.
/// Reading: see <see cref="LiteDbBlobStream"/>.
/// </remarks>
internal sealed class LiteDbBlobStore(LiteDbStorage storage) : IBlobStore
{
    internal const string Files = "_files";
    internal const string Chunks = "_chunks";

    /// <summary>Every chunk but a file's last holds exactly this many bytes: readers seek by it.</summary>
    internal const int ChunkSize = LiteFileStream<string>.MAX_CHUNK_SIZE;

    private const int ChunksPerWrite = 8;

    private const int GateStripes = 64;

    // Saves of the same bytes take turns, so two uploads of one new file never interleave chunks.
    // The gates are a fixed set picked by hash: none is ever removed, so none can be taken while
    // it is being removed (a dictionary of gates pruned when idle had exactly that race).
    private readonly SemaphoreSlim[] _gates = Enumerable.Range(0, GateStripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public ValueTask<bool> ExistsAsync(string sha256, CancellationToken cancellationToken) =>
        ValueTask.FromResult(storage.Read(db => FindFile(db, sha256) is not null));

    public async ValueTask SaveAsync(string sha256, Stream content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        ArgumentNullException.ThrowIfNull(content);
        var gate = _gates[(int)((uint)StringComparer.Ordinal.GetHashCode(sha256) % GateStripes)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (await ExistsAsync(sha256, cancellationToken)) return;
            await WriteChunksAsync(sha256, content, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public ValueTask<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var length = storage.Read(db => FindFile(db, sha256)?["length"].AsInt64);
        return ValueTask.FromResult<Stream?>(length is { } total ? new LiteDbBlobStream(storage, sha256, total) : null);
    }

    /// <summary>The key of one chunk, as LiteDB's FileStorage writes it.</summary>
    internal static BsonDocument ChunkId(string sha256, int index) => new() { ["f"] = sha256, ["n"] = index };

    private async Task WriteChunksAsync(string sha256, Stream content, CancellationToken ct)
    {
        storage.Write(db => DeleteChunks(db, sha256));
        // LiteDB wraps a binary value without copying and is done with it once Insert returns,
        // so the same buffers carry every batch.
        var buffers = new byte[ChunksPerWrite][];
        var written = 0;
        long length = 0;
        var saved = false;
        try
        {
            while (true)
            {
                var batch = new List<byte[]>(ChunksPerWrite);
                for (var i = 0; i < ChunksPerWrite; i++)
                {
                    var buffer = buffers[i] ??= new byte[ChunkSize];
                    var read = await content.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, ct);
                    if (read == 0) break;
                    batch.Add(read == ChunkSize ? buffer : buffer[..read]);
                    if (read < ChunkSize) break;
                }
                if (batch.Count == 0) break;

                var first = written;
                storage.Write(db =>
                {
                    var chunks = db.GetCollection(Chunks);
                    for (var i = 0; i < batch.Count; i++)
                        chunks.Insert(new BsonDocument { ["_id"] = ChunkId(sha256, first + i), ["data"] = batch[i] });
                });
                written += batch.Count;
                length += batch.Sum(b => (long)b.Length);
                if (batch[^1].Length < ChunkSize) break;
            }

            var chunkCount = written;
            storage.Write(db => db.GetCollection(Files).Insert(new BsonDocument
            {
                ["_id"] = sha256,
                ["filename"] = sha256,
                ["mimeType"] = "application/octet-stream",
                ["length"] = length,
                ["chunks"] = chunkCount,
                ["uploadDate"] = DateTime.UtcNow,
                ["metadata"] = new BsonDocument(),
            }));
            saved = true;
        }
        finally
        {
            if (!saved) storage.Write(db => DeleteChunks(db, sha256));
        }
    }

    private static BsonDocument? FindFile(LiteDatabase db, string sha256) => db.GetCollection(Files).FindById(sha256);

    private static void DeleteChunks(LiteDatabase db, string sha256) =>
        db.GetCollection(Chunks).DeleteMany("_id BETWEEN { f: @0, n: 0 } AND { f: @0, n: 2147483647 }", sha256);
}
