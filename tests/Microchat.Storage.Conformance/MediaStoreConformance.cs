using Microchat.Contracts;
using Xunit;

namespace Microchat.Storage.Conformance;

/// <summary>What every <see cref="IMediaStore"/> must do.</summary>
public abstract class MediaStoreConformance : StoreConformance
{
    private IMediaStore Media => Store<IMediaStore>();

    private static MediaRecord File(string id, string sha = "aa") => new()
    {
        Id = id, UploaderId = 7, Name = "cat.png", ContentType = "image/png", Size = 1234, Sha256 = sha,
        Kind = MediaKind.Photo, CreatedAt = At(3),
    };

    [Fact]
    public async Task Create_ThenGet_RoundTripsEveryField()
    {
        var media = File("Xy_-1") with { Kind = MediaKind.Animation, ContentType = "image/gif", Size = 5_000_000_000 };

        await Media.CreateAsync(media, Ct);

        Assert.Equal(media, await Media.GetAsync("Xy_-1", Ct));
        Assert.Null(await Media.GetAsync("xy_-1", Ct));
        Assert.Null(await Media.GetAsync("unknown", Ct));
    }

    [Fact]
    public async Task AnIdNeverStored_IsNull_HoweverLongOrOdd()
    {
        await Media.CreateAsync(File("a"), Ct);

        Assert.Null(await Media.GetAsync(new string('x', 5_000), Ct));
        Assert.Null(await Media.GetAsync("", Ct));
        Assert.Null(await Media.GetAsync("\u0000/../a", Ct));
        Assert.Empty(await Media.GetManyAsync([new string('x', 5_000)], Ct));
    }

    [Fact]
    public async Task RecordsOfTheSameBytes_AreKeptApart()
    {
        await Media.CreateAsync(File("a", sha: "same"), Ct);
        await Media.CreateAsync(File("b", sha: "same") with { Name = "other.png", UploaderId = 8 }, Ct);

        Assert.Equal("cat.png", (await Media.GetAsync("a", Ct))?.Name);
        Assert.Equal(8, (await Media.GetAsync("b", Ct))?.UploaderId);
    }

    [Fact]
    public async Task GetMany_ReturnsThoseThatExist()
    {
        await Media.CreateAsync(File("a"), Ct);
        await Media.CreateAsync(File("b"), Ct);
        await Media.CreateAsync(File("c"), Ct);

        var found = await Media.GetManyAsync(["a", "c", "missing", "a"], Ct);

        Assert.Equal(["a", "c"], found.Select(m => m.Id).Order());
        Assert.Empty(await Media.GetManyAsync([], Ct));
    }
}
