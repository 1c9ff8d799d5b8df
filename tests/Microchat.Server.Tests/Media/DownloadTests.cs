using System.Net;
using System.Net.Http.Headers;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Media;

public sealed class DownloadTests
{
    [Fact]
    public async Task Content_IsTheBytes_WithTypeLengthETagAndNosniff()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var media = await alice.Client.Media.UploadAsync(new MemoryStream(TestFiles.Png), "image/png", "cat.png");
        using var http = UploadTests.Authorized(host, bob);

        var response = await http.GetAsync($"media/{media.Id}/content");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestFiles.Png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestFiles.Png.Length, response.Content.Headers.ContentLength);
        Assert.Equal($"\"{media.Sha256}\"", response.Headers.ETag?.Tag);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("cat.png", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task Download_ThroughTheClient_GivesBytesTypeAndName()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var media = await alice.Client.Media.UploadFileAsync(new MemoryStream(TestFiles.Jpeg), "photo.jpg", "image/jpeg");

        var download = await alice.Client.Media.DownloadAsync(media.Id);

        Assert.Equal(TestFiles.Jpeg, download.Content);
        Assert.Equal(("image/jpeg", "photo.jpg", false, $"\"{media.Sha256}\""), (download.ContentType, download.FileName, download.IsAttachment, download.ETag));
        Assert.Null(download.Range);
    }

    [Fact]
    public async Task ARangeRequest_Is206_WithJustThoseBytes()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bytes = new byte[700_000];
        new Random(5).NextBytes(bytes);
        var media = await alice.Client.Media.UploadAsync(new MemoryStream(bytes), "video/mp4", "clip.mp4");

        var middle = await alice.Client.Media.DownloadRangeAsync(media.Id, 261_000, 262_999);
        var tail = await alice.Client.Media.DownloadRangeAsync(media.Id, 699_990);

        Assert.Equal(bytes[261_000..263_000], middle.Content);
        Assert.Equal((261_000L, 262_999L, 700_000L), (middle.Range!.From, middle.Range.To, middle.Range.Length));
        Assert.Equal(bytes[699_990..], tail.Content);
    }

    [Fact]
    public async Task ARangeBeyondTheEnd_Is416()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var media = await alice.Client.Media.UploadAsync(new MemoryStream(TestFiles.Png), "image/png");
        using var http = UploadTests.Authorized(host, alice);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"media/{media.Id}/content") { Headers = { Range = new RangeHeaderValue(10_000, null) } };

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
    }

    [Fact]
    public async Task AMatchingIfNoneMatch_Is304()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var media = await alice.Client.Media.UploadAsync(new MemoryStream(TestFiles.Png), "image/png");
        using var http = UploadTests.Authorized(host, alice);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"media/{media.Id}/content");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{media.Sha256}\""));

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("image/svg+xml", "svg", "drawing.svg")]
    [InlineData("text/html", "html", "page.html")]
    [InlineData("application/xml", "svg", "data.xml")]
    [InlineData("application/octet-stream", "html", "blob.bin")]
    public async Task ScriptableTypes_AreAlwaysAttachments_WithNosniffAndASandbox(string type, string file, string name)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var media = await alice.Client.Media.UploadAsync(new MemoryStream(file == "svg" ? TestFiles.Svg : TestFiles.Html), type, name);
        using var http = UploadTests.Authorized(host, alice);

        var response = await http.GetAsync($"media/{media.Id}/content");

        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(name, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True((await alice.Client.Media.DownloadAsync(media.Id)).IsAttachment);
    }

    [Theory]
    [InlineData("audio/ogg")]
    [InlineData("video/webm")]
    public async Task AudioAndVideo_AreShownInline(string type)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var media = await alice.Client.Media.UploadAsync(new MemoryStream(new byte[64]), type, "clip");

        Assert.False((await alice.Client.Media.DownloadAsync(media.Id)).IsAttachment);
    }

    [Fact]
    public async Task ANonAsciiName_GoesOutAsAnEncodedFileName()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var media = await alice.Client.Media.UploadAsync(new MemoryStream(TestFiles.Html), "text/html", "страница \"1\".html");

        var download = await alice.Client.Media.DownloadAsync(media.Id);

        Assert.Equal("страница \"1\".html", download.FileName);
    }

    [Fact]
    public async Task Content_AcceptsAnAccessTokenInTheQuery_AndMetadataDoesNot()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var media = await alice.Client.Media.UploadAsync(new MemoryStream(TestFiles.Png), "image/png");
        using var http = host.CreateHttpClient();

        var content = await http.GetAsync(alice.Client.Media.ContentUri(media.Id, includeAccessToken: true));
        var metadata = await http.GetAsync($"media/{media.Id}?access_token={alice.Client.Token}");
        var withoutToken = await http.GetAsync(alice.Client.Media.ContentUri(media.Id));
        var badToken = await http.GetAsync($"media/{media.Id}/content?access_token=mc_nope");

        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal(TestFiles.Png, await content.Content.ReadAsByteArrayAsync());
        await UploadTests.AssertProblemAsync(metadata, HttpStatusCode.Unauthorized);
        await UploadTests.AssertProblemAsync(withoutToken, HttpStatusCode.Unauthorized);
        await UploadTests.AssertProblemAsync(badToken, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UnknownMedia_Is404_ForMetadataAndContent()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var media = await alice.Client.Media.UploadAsync(new MemoryStream(TestFiles.Png), "image/png");

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Media.GetAsync("AAAAAAAAAAAAAAAAAAAAAA"));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Media.DownloadAsync("AAAAAAAAAAAAAAAAAAAAAA"));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Media.GetAsync(Swapcase(media.Id)));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Media.GetAsync(new string('x', 3_000)));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Media.DownloadAsync("../../etc/passwd"));
    }

    [Fact]
    public async Task Media_IsRefusedToAnonymousCallers_With401()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var media = await alice.Client.Media.UploadAsync(new MemoryStream(TestFiles.Png), "image/png");
        var anonymous = host.Anonymous();

        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => anonymous.Media.GetAsync(media.Id));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => anonymous.Media.DownloadAsync(media.Id));
    }

    [Fact]
    public async Task Media_SurvivesARestart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"microchat-media-{Guid.NewGuid():N}.db");
        var bytes = new byte[600_000];
        new Random(9).NextBytes(bytes);
        string id, token;
        await using (var first = new MicrochatHost(databasePath: path))
        {
            var alice = await first.SignUpAsync();
            id = (await alice.Client.Media.UploadAsync(new MemoryStream(bytes), "audio/mpeg", "song.mp3")).Id;
            token = alice.Client.Token!;
        }

        await using var second = new MicrochatHost(databasePath: path);
        try
        {
            var client = second.Anonymous();
            client.Token = token;
            Assert.Equal(bytes, (await client.Media.DownloadAsync(id)).Content);
            Assert.Equal("song.mp3", (await client.Media.GetAsync(id)).Name);
        }
        finally
        {
            await second.DisposeAsync();
            second.DeleteDatabase();
        }
    }

    private static string Swapcase(string s) => new(s.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());
}
