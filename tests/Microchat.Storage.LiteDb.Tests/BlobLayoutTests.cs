using System.Security.Cryptography;
using Microchat.Server;
using Microchat.Storage.LiteDb.Stores;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Microchat.Storage.LiteDb.Tests;

/// <summary>Blobs are LiteDB FileStorage files: LiteDB's own API reads them, and every chunk but the last is full.</summary>
public sealed class BlobLayoutTests
{
    [Fact]
    public async Task ABlob_IsAFileStorageFile_WithFullChunksButTheLast()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMicrochat().UseLiteDbInMemory();
        await using var provider = services.BuildServiceProvider();
        var blobs = provider.GetRequiredService<IBlobStore>();
        var storage = provider.GetRequiredService<LiteDbStorage>();
        var bytes = new byte[LiteDbBlobStore.ChunkSize * 10 + 777];
        new Random(3).NextBytes(bytes);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        await blobs.SaveAsync(sha, new MemoryStream(bytes), CancellationToken.None);

        var (info, read, chunkLengths) = storage.Read(db =>
        {
            using var stream = db.FileStorage.OpenRead(sha);
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            var lengths = db.GetCollection(LiteDbBlobStore.Chunks).FindAll().Select(c => c["data"].AsBinary.Length).ToList();
            return (db.FileStorage.FindById(sha), copy.ToArray(), lengths);
        });
        Assert.Equal(bytes.Length, info.Length);
        Assert.Equal(11, info.Chunks);
        Assert.Equal(bytes, read);
        Assert.Equal(Enumerable.Repeat(LiteDbBlobStore.ChunkSize, 10).Append(777), chunkLengths);
    }
}
