using Microchat.Contracts;
using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>What every <see cref="IMediaStore"/> must do.</summary>
public abstract partial class StoreConformance
{
    private IMediaStore MediaMedia => Store<IMediaStore>();

    private static MediaRecord MediaFile(string id, string sha = "aa") => new()
    {
        Id = id, UploaderId = 7, Name = "cat.png", ContentType = "image/png", Size = 1234, Sha256 = sha,
        Kind = MediaKind.Photo, CreatedAt = At(3),
    };

    [Fact]
    public async Task MediaStore_Create_ThenGet_RoundTripsEveryField()
    {
        var media = MediaFile("Xy_-1") with { Kind = MediaKind.Animation, ContentType = "image/gif", Size = 5_000_000_000 };

        await MediaMedia.CreateAsync(media, Ct);

        Assert.Equal(media, await MediaMedia.GetAsync("Xy_-1", Ct));
        Assert.Null(await MediaMedia.GetAsync("xy_-1", Ct));
        Assert.Null(await MediaMedia.GetAsync("unknown", Ct));
    }

    [Fact]
    public async Task MediaStore_AnIdNeverStored_IsNull_HoweverLongOrOdd()
    {
        await MediaMedia.CreateAsync(MediaFile("a"), Ct);

        Assert.Null(await MediaMedia.GetAsync(new string('x', 5_000), Ct));
        Assert.Null(await MediaMedia.GetAsync("", Ct));
        Assert.Null(await MediaMedia.GetAsync("\u0000/../a", Ct));
        Assert.Empty(await MediaMedia.GetManyAsync([new string('x', 5_000)], Ct));
    }

    [Fact]
    public async Task MediaStore_RecordsOfTheSameBytes_AreKeptApart()
    {
        await MediaMedia.CreateAsync(MediaFile("a", sha: "same"), Ct);
        await MediaMedia.CreateAsync(MediaFile("b", sha: "same") with { Name = "other.png", UploaderId = 8 }, Ct);

        Assert.Equal("cat.png", (await MediaMedia.GetAsync("a", Ct))?.Name);
        Assert.Equal(8, (await MediaMedia.GetAsync("b", Ct))?.UploaderId);
    }

    [Fact]
    public async Task MediaStore_GetMany_ReturnsThoseThatExist()
    {
        await MediaMedia.CreateAsync(MediaFile("a"), Ct);
        await MediaMedia.CreateAsync(MediaFile("b"), Ct);
        await MediaMedia.CreateAsync(MediaFile("c"), Ct);

        var found = await MediaMedia.GetManyAsync(["a", "c", "missing", "a"], Ct);

        Assert.Equal(["a", "c"], found.Select(m => m.Id).Order());
        Assert.Empty(await MediaMedia.GetManyAsync([], Ct));
    }
}
