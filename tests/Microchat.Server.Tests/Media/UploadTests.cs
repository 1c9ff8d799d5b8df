using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using LiteDB;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Storage;
using Microchat.Storage.LiteDb;
using Microchat.Storage.LiteDb.Stores;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Microchat.Server.Tests.Media;

public sealed class UploadTests
{
    private static MemoryStream Stream(byte[] bytes) => new(bytes);

    [Fact]
    public async Task RawUpload_Is201_WithTheMediaAndItsLocation()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        using var http = Authorized(host, alice);

        var response = await http.PostAsync("media?name=cat.png", new ByteArrayContent(TestFiles.Png) { Headers = { ContentType = new("image/png") } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var media = (await response.Content.ReadFromJsonAsync<Microchat.Contracts.Media>(MicrochatJson.Options))!;
        Assert.Equal($"/api/media/{media.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("cat.png", media.Name);
        Assert.Equal("image/png", media.ContentType);
        Assert.Equal(TestFiles.Png.Length, media.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(TestFiles.Png)), media.Sha256);
        Assert.Equal(MediaKind.Photo, media.Kind);
        Assert.True(media.Id.Length >= 22, "a media id carries at least 128 random bits");
    }

    [Fact]
    public async Task MultipartUpload_TakesTheFilePart_ItsTypeAndFileName()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        var media = await alice.Client.Media.UploadFileAsync(Stream(TestFiles.Jpeg), "holiday.jpg", "image/jpeg");

        Assert.Equal(("holiday.jpg", "image/jpeg", MediaKind.Photo, (long)TestFiles.Jpeg.Length),
            (media.Name, media.ContentType, media.Kind, media.Size));
        Assert.Equal(media, await alice.Client.Media.GetAsync(media.Id));
    }

    [Fact]
    public async Task MultipartUpload_IgnoresOtherFields()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        using var http = Authorized(host, alice);
        var form = new MultipartFormDataContent
        {
            { new StringContent("a caption"), "caption" },
            { new ByteArrayContent(TestFiles.Png) { Headers = { ContentType = new("image/png") } }, "file", "a.png" },
            { new StringContent("more"), "note" },
        };

        var response = await http.PostAsync("media", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("image/png", "png", "image/png", MediaKind.Photo)]
    [InlineData("image/jpeg", "jpeg", "image/jpeg", MediaKind.Photo)]
    [InlineData("image/webp", "webp", "image/webp", MediaKind.Photo)]
    [InlineData("image/gif", "gif", "image/gif", MediaKind.Animation)]
    [InlineData("video/mp4", "text", "video/mp4", MediaKind.Video)]
    [InlineData("audio/ogg", "text", "audio/ogg", MediaKind.Audio)]
    [InlineData("application/pdf", "text", "application/pdf", MediaKind.File)]
    [InlineData("text/plain; charset=utf-8", "text", "text/plain", MediaKind.File)]
    [InlineData("IMAGE/PNG", "png", "image/png", MediaKind.Photo)]
    [InlineData("image/svg+xml", "svg", "image/svg+xml", MediaKind.File)]
    public async Task Upload_ClassifiesTheKind_ByTheType(string declared, string file, string stored, MediaKind kind)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        var media = await alice.Client.Media.UploadAsync(Stream(Bytes(file)), declared);

        Assert.Equal((stored, kind), (media.ContentType, media.Kind));
    }

    [Theory]
    [InlineData("image/jpeg", "png", "image/png", MediaKind.Photo)]
    [InlineData("image/png", "gif", "image/gif", MediaKind.Animation)]
    [InlineData("image/gif", "jpeg", "image/jpeg", MediaKind.Photo)]
    [InlineData("application/octet-stream", "webp", "image/webp", MediaKind.Photo)]
    public async Task Upload_CorrectsAnImagesType_ByItsBytes(string declared, string file, string stored, MediaKind kind)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        var media = await alice.Client.Media.UploadAsync(Stream(Bytes(file)), declared);

        Assert.Equal((stored, kind), (media.ContentType, media.Kind));
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("image/jpeg")]
    [InlineData("image/svg+xml")]
    [InlineData("image/x-unknown")]
    public async Task Upload_Refuses_TextDeclaredAsAnImage_With415(string declared)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.UnsupportedMediaType,
            () => alice.Client.Media.UploadAsync(Stream(TestFiles.Text("just some text, not an image")), declared));
        await ApiAssert.RefusedAsync(HttpStatusCode.UnsupportedMediaType,
            () => alice.Client.Media.UploadFileAsync(Stream(TestFiles.Text("not an image")), "x.png", declared));
        Assert.Equal(0, StoredCount(host));
    }

    [Theory]
    [InlineData("image/*")]
    [InlineData("*/*")]
    [InlineData("image/")]
    public async Task Upload_Refuses_ATypeThatIsNotAMediaType_With415(string declared)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.UnsupportedMediaType,
            () => alice.Client.Media.UploadAsync(Stream(TestFiles.Png), declared));
    }

    [Fact]
    public async Task RawUpload_WithoutAType_IsStoredAsOctetStream()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        using var http = Authorized(host, alice);

        var response = await http.PostAsync("media", new ByteArrayContent(TestFiles.Text("plain bytes")));

        var media = (await response.Content.ReadFromJsonAsync<Microchat.Contracts.Media>(MicrochatJson.Options))!;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(("application/octet-stream", MediaKind.File, "file"), (media.ContentType, media.Kind, media.Name));
    }

    [Fact]
    public async Task EmptyUploads_Are400_AndStoreNothing()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Media.UploadAsync(Stream([]), "image/png"), "body");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Media.UploadFileAsync(Stream([]), "a.png", "image/png"), "file");
        Assert.Equal(0, StoredCount(host));
    }

    [Fact]
    public async Task Multipart_WithoutAFilePart_Is400()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        using var http = Authorized(host, alice);

        var response = await http.PostAsync("media", new MultipartFormDataContent { { new ByteArrayContent(TestFiles.Png), "photo", "a.png" } });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "file");
        Assert.Equal(0, StoredCount(host));
    }

    [Fact]
    public async Task Multipart_WithTwoFileParts_Is400_AndStoresNothing()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        using var http = Authorized(host, alice);
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(TestFiles.Png), "file", "a.png" },
            { new ByteArrayContent(TestFiles.Jpeg), "file", "b.jpg" },
        };

        var response = await http.PostAsync("media", form);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "file");
        Assert.Equal(0, StoredCount(host));
    }

    [Theory]
    [InlineData("multipart/form-data")]
    [InlineData("multipart/form-data; boundary=abc")]
    public async Task Multipart_ThatIsMalformed_Is400(string contentType)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        using var http = Authorized(host, alice);
        var body = new ByteArrayContent(TestFiles.Text("--abc\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno closing boundary"));
        body.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await http.PostAsync("media", body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "file");
        Assert.Equal(0, StoredCount(host));
    }

    [Fact]
    public async Task Uploads_OverTheLimit_Are413_AndStoreNothing_WithOrWithoutALength()
    {
        await using var host = new MicrochatHost(new Dictionary<string, string?> { ["Microchat:MaxUploadBytes"] = "1000" });
        var alice = await host.SignUpAsync();

        var sized = await ApiAssert.RefusedAsync(HttpStatusCode.RequestEntityTooLarge,
            () => alice.Client.Media.UploadAsync(Stream(new byte[1001]), "application/octet-stream"));
        await ApiAssert.RefusedAsync(HttpStatusCode.RequestEntityTooLarge,
            () => alice.Client.Media.UploadAsync(new GeneratedStream(1001, seekable: false), "application/octet-stream"));
        await ApiAssert.RefusedAsync(HttpStatusCode.RequestEntityTooLarge,
            () => alice.Client.Media.UploadFileAsync(new GeneratedStream(1001, seekable: false), "big.bin"));
        await ApiAssert.RefusedAsync(HttpStatusCode.RequestEntityTooLarge,
            () => alice.Client.Media.UploadFileAsync(Stream(new byte[1001]), "big.bin"));

        Assert.Contains("1000", sized.Detail);
        Assert.Equal(0, StoredCount(host));
        var exact = await alice.Client.Media.UploadAsync(new GeneratedStream(1000, seekable: false), "application/octet-stream");
        Assert.Equal(1000, exact.Size);
    }

    [Fact]
    public async Task TheSameBytes_UploadedTwice_AreTwoMedia_OverOneBlob()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();

        var first = await alice.Client.Media.UploadAsync(Stream(TestFiles.Png), "image/png", "one.png");
        var second = await bob.Client.Media.UploadFileAsync(Stream(TestFiles.Png), "two.png", "image/png");

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(("one.png", "two.png"), (first.Name, second.Name));
        Assert.Equal(1, BlobCount(host));
        Assert.True(await host.Services.GetRequiredService<IBlobStore>().ExistsAsync(first.Sha256, CancellationToken.None));
        Assert.Equal(TestFiles.Png, (await bob.Client.Media.DownloadAsync(first.Id)).Content);
    }

    [Theory]
    [InlineData("C:\\Users\\me\\cat.png", "cat.png")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("evil\u202Egnp.exe", "evilgnp.exe")]
    [InlineData("line\r\nbreak.png", "linebreak.png")]
    [InlineData("  spaced.png  ", "spaced.png")]
    [InlineData("..", "file.png")]
    [InlineData("dir/", "file.png")]
    [InlineData("", "file.png")]
    [InlineData("котик 🐱.png", "котик 🐱.png")]
    public async Task Names_AreSanitised(string given, string stored)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        var raw = await alice.Client.Media.UploadAsync(Stream(TestFiles.Png), "image/png", given);

        Assert.Equal(stored, raw.Name);
    }

    [Fact]
    public async Task Names_AreCutTo255Characters()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        var media = await alice.Client.Media.UploadAsync(Stream(TestFiles.Png), "image/png", new string('a', 300) + ".png");

        Assert.Equal(new string('a', 255), media.Name);
    }

    [Fact]
    public async Task Upload_IsRefusedToAnonymousCallers_With401()
    {
        await using var host = new MicrochatHost();

        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Media.UploadAsync(Stream(TestFiles.Png), "image/png"));
        Assert.Equal(0, StoredCount(host));
    }

    [Fact]
    public async Task Bots_MayUpload()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(owner);

        var media = await bot.Client.Media.UploadAsync(Stream(TestFiles.Gif), "image/gif", "dance.gif");

        Assert.Equal(MediaKind.Animation, media.Kind);
        Assert.Equal(media, await owner.Client.Media.GetAsync(media.Id));
    }

    [Fact]
    public async Task Upload_WithAnIdempotencyKey_IsStoredOnce()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        using var http = Authorized(host, alice);

        async Task<string> UploadAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "media")
            {
                Content = new ByteArrayContent(TestFiles.Png) { Headers = { ContentType = new("image/png") } },
            };
            request.Headers.Add("Idempotency-Key", "upload-1");
            var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<Microchat.Contracts.Media>(MicrochatJson.Options))!.Id;
        }

        Assert.Equal(await UploadAsync(), await UploadAsync());
        Assert.Equal(1, MediaCount(host));
    }

    internal static HttpClient Authorized(MicrochatHost host, SignedIn user)
    {
        var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Client.Token);
        return http;
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is null) return;
        var problem = await response.Content.ReadFromJsonAsync<Problem>(MicrochatJson.Options);
        Assert.Contains(field, problem!.Errors!.Keys);
    }

    private static byte[] Bytes(string file) => file switch
    {
        "png" => TestFiles.Png,
        "jpeg" => TestFiles.Jpeg,
        "gif" => TestFiles.Gif,
        "webp" => TestFiles.WebP,
        "svg" => TestFiles.Svg,
        _ => Encoding.UTF8.GetBytes("some text"),
    };

    /// <summary>Blobs in the host's LiteDB FileStorage.</summary>
    internal static int BlobCount(MicrochatHost host) =>
        host.Services.GetRequiredService<LiteDbStorage>().Read(db => db.GetCollection(LiteDbBlobStore.Files).Count());

    internal static int MediaCount(MicrochatHost host) =>
        host.Services.GetRequiredService<LiteDbStorage>().Read(db => db.GetCollection("media").Count());

    /// <summary>Media records, blobs and blob chunks stored: all zero when nothing was kept.</summary>
    internal static int StoredCount(MicrochatHost host) =>
        host.Services.GetRequiredService<LiteDbStorage>().Read(db =>
            db.GetCollection("media").Count() + db.GetCollection(LiteDbBlobStore.Files).Count() + db.GetCollection(LiteDbBlobStore.Chunks).Count());
}
