using System.Net;
using Microchat.Client;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Media;

/// <summary>On a real Kestrel server, whose own body limit (30 MB by default) must give way to MaxUploadBytes.</summary>
[Collection(MemoryMeasurements.Name)]
public sealed class KestrelUploadTests
{
    [Fact]
    public async Task AnUploadAboveKestrelsDefaultLimit_ButWithinMaxUploadBytes_IsStored()
    {
        await using var host = new MicrochatHost();
        host.UseKestrel(0);
        host.StartServer();
        var alice = await host.SignUpAsync();
        using var http = host.CreateHttpClient();
        // A body above 30 MB takes a while on a loaded machine: the client's default request timeout is not what this tests.
        var client = new MicrochatClient(http, new MicrochatClientOptions { RequestTimeout = TimeSpan.FromMinutes(5) }) { Token = alice.Client.Token };

        var media = await client.Media.UploadAsync(new GeneratedStream(40L * 1024 * 1024, seekable: false), "video/mp4", "long.mp4");
        var sized = await client.Media.UploadAsync(new GeneratedStream(35L * 1024 * 1024, seekable: true), "video/mp4", "sized.mp4");

        Assert.Equal(40L * 1024 * 1024, media.Size);
        Assert.Equal(35L * 1024 * 1024, sized.Size);
        await ApiAssert.RefusedAsync(HttpStatusCode.RequestEntityTooLarge,
            () => client.Media.UploadAsync(new GeneratedStream(51L * 1024 * 1024, seekable: false), "video/mp4"));
        await ApiAssert.RefusedAsync(HttpStatusCode.RequestEntityTooLarge,
            () => client.Media.UploadFileAsync(new GeneratedStream(51L * 1024 * 1024, seekable: true), "big.mp4"));
    }
}
