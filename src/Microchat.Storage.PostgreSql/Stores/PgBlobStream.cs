namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>
/// A seekable read of one blob that fetches one chunk at a time, the one under the position, so a
/// range request reads only the chunks it covers and no read holds the whole file.
/// </summary>
internal sealed class PgBlobStream(PgDatabase database, string sha256, long length) : Stream
{
    private byte[]? _chunk;
    private int _chunkIndex = -1;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0) return 0;
        var index = (int)(_position / PgBlobStore.ChunkSize);
        if (index != _chunkIndex)
        {
            _chunk = await database.RunAsync((c, ct) => c.QuerySingleAsync(
                "SELECT data FROM blob_chunks WHERE sha256 = @sha AND n = @n", r => r.GetFieldValue<byte[]>(0), ct,
                ("sha", sha256), ("n", index)), cancellationToken)
                ?? throw new IOException($"Chunk {index} of blob {sha256} is missing.");
            _chunkIndex = index;
        }
        var within = (int)(_position - (long)index * PgBlobStore.ChunkSize);
        var count = Math.Min(buffer.Length, _chunk!.Length - within);
        if (count <= 0) return 0;
        _chunk.AsMemory(within, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        _position = target;
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
