using LiteDB;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>
/// A seekable read of one blob that touches LiteDB only inside each Read: it fetches the one chunk
/// a read needs by its key in its own <see cref="LiteDbStorage.Read{T}"/> and keeps just that chunk.
/// </summary>
/// <remarks>
/// So nothing LiteDB owns outlives a call, and the stream may be read from any thread, long after it
/// was opened. Copying the blob to a temporary file first would be simpler but would cost a whole
/// copy per request, and range requests (a player seeking through a video) ask for a few bytes many
/// times. LiteDB's own file stream cannot serve them either: it seeks by reading every chunk before
/// the position. Chunks are all <see cref="LiteDbBlobStore.ChunkSize"/> long but the last, which is
/// how <see cref="LiteDbBlobStore"/> writes them, so a position maps straight to a chunk key.
/// </remarks>
internal sealed class LiteDbBlobStream(LiteDbStorage storage, string sha256, long length) : Stream
{
    private long _position;
    private int _chunkIndex = -1;
    private byte[] _chunk = [];
    private bool _disposed;

    public override bool CanRead => !_disposed;

    public override bool CanSeek => !_disposed;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty || _position >= length) return 0;

        var index = (int)(_position / LiteDbBlobStore.ChunkSize);
        if (index != _chunkIndex) Load(index);
        var offset = (int)(_position - (long)index * LiteDbBlobStore.ChunkSize);
        var count = Math.Min(buffer.Length, _chunk.Length - offset);
        _chunk.AsSpan(offset, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    // LiteDB has no asynchronous API: a chunk read is a short synchronous index lookup.
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<int>(cancellationToken);
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        _chunk = [];
        base.Dispose(disposing);
    }

    private void Load(int index)
    {
        var expected = (int)Math.Min(LiteDbBlobStore.ChunkSize, length - (long)index * LiteDbBlobStore.ChunkSize);
        var data = storage.Read(db =>
            db.GetCollection(LiteDbBlobStore.Chunks).FindById(LiteDbBlobStore.ChunkId(sha256, index))?["data"].AsBinary);
        if (data is null || data.Length != expected)
            throw new InvalidDataException($"Blob {sha256} is damaged: chunk {index} is missing or not {expected} bytes long.");
        _chunk = data;
        _chunkIndex = index;
    }
}
