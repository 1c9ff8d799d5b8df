using System.Security.Cryptography;
using Xunit;

namespace Microchat.Storage.Conformance;

/// <summary>What every <see cref="IBlobStore"/> must do.</summary>
public abstract class BlobStoreConformance : StoreConformance
{
    private IBlobStore Blobs => Store<IBlobStore>();

    /// <summary>Random bytes of a size that fills no storage unit evenly.</summary>
    protected static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private async Task<string> SaveAsync(byte[] bytes)
    {
        var sha = Sha(bytes);
        await Blobs.SaveAsync(sha, new MemoryStream(bytes), Ct);
        return sha;
    }

    private async Task<byte[]> ReadAllAsync(string sha)
    {
        await using var stream = await Blobs.OpenReadAsync(sha, Ct);
        Assert.NotNull(stream);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Save_ThenRead_GivesBackTheSameBytes()
    {
        var bytes = Bytes(1_500_007);
        var sha = await SaveAsync(bytes);

        Assert.True(await Blobs.ExistsAsync(sha, Ct));
        Assert.Equal(bytes, await ReadAllAsync(sha));
    }

    [Fact]
    public async Task Save_ReadsSourcesThatReturnFewBytesAtATime()
    {
        var bytes = Bytes(700_001);
        var sha = Sha(bytes);

        await Blobs.SaveAsync(sha, new TrickleStream(bytes, 1_000), Ct);

        Assert.Equal(bytes, await ReadAllAsync(sha));
    }

    [Fact]
    public async Task UnknownHash_DoesNotExist_AndOpensAsNull()
    {
        var sha = Sha(Bytes(10));

        Assert.False(await Blobs.ExistsAsync(sha, Ct));
        Assert.Null(await Blobs.OpenReadAsync(sha, Ct));
    }

    [Fact]
    public async Task Save_IsANoOp_WhenTheHashIsStored()
    {
        var bytes = Bytes(5_000);
        var sha = await SaveAsync(bytes);
        var other = new MemoryStream(Bytes(5_000, seed: 2));

        await Blobs.SaveAsync(sha, other, Ct);

        Assert.Equal(0, other.Position);
        Assert.Equal(bytes, await ReadAllAsync(sha));
    }

    [Fact]
    public async Task ConcurrentSaves_OfTheSameBytes_StoreThemOnce()
    {
        var bytes = Bytes(900_000);
        var sha = Sha(bytes);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => await Blobs.SaveAsync(sha, new MemoryStream(bytes), Ct))));

        Assert.Equal(bytes, await ReadAllAsync(sha));
    }

    [Fact]
    public async Task Stream_IsSeekable_AndReadsAnyRange()
    {
        var bytes = Bytes(1_200_003);
        var sha = await SaveAsync(bytes);
        await using var stream = (await Blobs.OpenReadAsync(sha, Ct))!;

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
    public async Task Stream_CanBeReadFromAnotherThread_AfterTheCallReturns()
    {
        var bytes = Bytes(600_000);
        var sha = await SaveAsync(bytes);
        var stream = (await Blobs.OpenReadAsync(sha, Ct))!;

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
    public async Task EmptyContent_IsStored_AsAnEmptyBlob()
    {
        var sha = await SaveAsync([]);

        Assert.True(await Blobs.ExistsAsync(sha, Ct));
        Assert.Empty(await ReadAllAsync(sha));
    }

    [Fact]
    public async Task AnInterruptedSave_LeavesNoBlob_AndALaterSaveSucceeds()
    {
        var bytes = Bytes(800_000);
        var sha = Sha(bytes);

        await Assert.ThrowsAsync<IOException>(async () => await Blobs.SaveAsync(sha, new TrickleStream(bytes, 64_000, failAfter: 500_000), Ct));

        Assert.False(await Blobs.ExistsAsync(sha, Ct));
        Assert.Null(await Blobs.OpenReadAsync(sha, Ct));
        await Blobs.SaveAsync(sha, new MemoryStream(bytes), Ct);
        Assert.Equal(bytes, await ReadAllAsync(sha));
    }

    /// <summary>Hands out at most a few bytes per read, and can fail part-way like a dropped upload.</summary>
    private sealed class TrickleStream(byte[] bytes, int perRead, int failAfter = int.MaxValue) : Stream
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
