using System.Security.Cryptography;
using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>What every <see cref="IBlobStore"/> must do.</summary>
public abstract partial class StoreConformance
{
    private IBlobStore BlobBlobs => Store<IBlobStore>();

    /// <summary>Random bytes of a size that fills no storage unit evenly.</summary>
    protected static byte[] BlobBytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected static string BlobSha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private async Task<string> BlobSaveAsync(byte[] bytes)
    {
        var sha = BlobSha(bytes);
        await BlobBlobs.SaveAsync(sha, new MemoryStream(bytes), Ct);
        return sha;
    }

    private async Task<byte[]> BlobReadAllAsync(string sha)
    {
        await using var stream = await BlobBlobs.OpenReadAsync(sha, Ct);
        Assert.NotNull(stream);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task BlobStore_Save_ThenRead_GivesBackTheSameBytes()
    {
        var bytes = BlobBytes(1_500_007);
        var sha = await BlobSaveAsync(bytes);

        Assert.True(await BlobBlobs.ExistsAsync(sha, Ct));
        Assert.Equal(bytes, await BlobReadAllAsync(sha));
    }

    [Fact]
    public async Task BlobStore_Save_ReadsSourcesThatReturnFewBytesAtATime()
    {
        var bytes = BlobBytes(700_001);
        var sha = BlobSha(bytes);

        await BlobBlobs.SaveAsync(sha, new BlobTrickleStream(bytes, 1_000), Ct);

        Assert.Equal(bytes, await BlobReadAllAsync(sha));
    }

    [Fact]
    public async Task BlobStore_UnknownHash_DoesNotExist_AndOpensAsNull()
    {
        var sha = BlobSha(BlobBytes(10));

        Assert.False(await BlobBlobs.ExistsAsync(sha, Ct));
        Assert.Null(await BlobBlobs.OpenReadAsync(sha, Ct));
    }

    [Fact]
    public async Task BlobStore_Save_IsANoOp_WhenTheHashIsStored()
    {
        var bytes = BlobBytes(5_000);
        var sha = await BlobSaveAsync(bytes);
        var other = new MemoryStream(BlobBytes(5_000, seed: 2));

        await BlobBlobs.SaveAsync(sha, other, Ct);

        Assert.Equal(0, other.Position);
        Assert.Equal(bytes, await BlobReadAllAsync(sha));
    }

    [Fact]
    public async Task BlobStore_ConcurrentSaves_OfTheSameBytes_StoreThemOnce()
    {
        var bytes = BlobBytes(900_000);
        var sha = BlobSha(bytes);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => await BlobBlobs.SaveAsync(sha, new MemoryStream(bytes), Ct))));

        Assert.Equal(bytes, await BlobReadAllAsync(sha));
    }

    [Fact]
    public async Task BlobStore_Stream_IsSeekable_AndReadsAnyRange()
    {
        var bytes = BlobBytes(1_200_003);
        var sha = await BlobSaveAsync(bytes);
        await using var stream = (await BlobBlobs.OpenReadAsync(sha, Ct))!;

        Assert.True(stream.CanSeek);
        Assert.Equal(bytes.Length, stream.Length);
        foreach (var (from, length) in new[] { (1_100_000L, 100_003), (261_000L, 1_000), (0L, 10), (523_000L, 600_000) })
        {
            stream.Seek(from, SeekOrigin.Begin);
            var part = new byte[length];
            await stream.ReadExactlyAsync(part);
            Assert.Equal(bytes.AsSpan((int)from, length).ToArray(), part);
        }
        stream.Position = bytes.Length;
        Assert.Equal(0, await stream.ReadAsync(new byte[16]));
    }

    [Fact]
    public async Task BlobStore_Stream_CanBeReadFromAnotherThread_AfterTheCallReturns()
    {
        var bytes = BlobBytes(600_000);
        var sha = await BlobSaveAsync(bytes);
        var stream = (await BlobBlobs.OpenReadAsync(sha, Ct))!;

        var read = await Task.Run(() =>
        {
            using (stream)
            {
                var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            }
        });

        Assert.Equal(bytes, read);
    }

    [Fact]
    public async Task BlobStore_EmptyContent_IsStored_AsAnEmptyBlob()
    {
        var sha = await BlobSaveAsync([]);

        Assert.True(await BlobBlobs.ExistsAsync(sha, Ct));
        Assert.Empty(await BlobReadAllAsync(sha));
    }

    [Fact]
    public async Task BlobStore_AnInterruptedSave_LeavesNoBlob_AndALaterSaveSucceeds()
    {
        var bytes = BlobBytes(800_000);
        var sha = BlobSha(bytes);

        await Assert.ThrowsAsync<IOException>(async () => await BlobBlobs.SaveAsync(sha, new BlobTrickleStream(bytes, 64_000, failAfter: 500_000), Ct));

        Assert.False(await BlobBlobs.ExistsAsync(sha, Ct));
        Assert.Null(await BlobBlobs.OpenReadAsync(sha, Ct));
        await BlobBlobs.SaveAsync(sha, new MemoryStream(bytes), Ct);
        Assert.Equal(bytes, await BlobReadAllAsync(sha));
    }

    /// <summary>Hands out at most a few bytes per read, and can fail part-way like a dropped upload.</summary>
    private sealed class BlobTrickleStream(byte[] bytes, int perRead, int failAfter = int.MaxValue) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAfter) throw new IOException("The upload was cut off.");
            var n = Math.Min(Math.Min(count, perRead), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
