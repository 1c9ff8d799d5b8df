using System.Net;
using Microchat.Client;
using Microchat.Server.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Microchat.Server.Tests.Media;

/// <summary>Runs alone, so no other test's allocations are counted.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "Memory measurements";
}

[Collection(MemoryMeasurements.Name)]
public sealed class UploadMemoryTests(ITestOutputHelper output)
{
    private const long Upload = 200L * 1024 * 1024;
    private const long Budget = 32L * 1024 * 1024;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A200MiBUpload_Is413_WithoutTheServerHoldingItInMemory(bool declaresLength)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        await alice.Client.Media.UploadAsync(new MemoryStream(TestFiles.Png), "image/png");
        var body = new GeneratedStream(Upload, seekable: declaresLength);
        // Straight onto the test server: the factory's default client buffers every request body
        // (to replay it on a redirect), which would measure the test's client, not the server.
        using var http = new HttpClient(host.Server.CreateHandler()) { BaseAddress = new Uri(host.Server.BaseAddress, "/api/") };
        // A 200 MiB body takes a while on a loaded machine: the client's default request timeout is not what this measures.
        var client = new MicrochatClient(http, new MicrochatClientOptions { RequestTimeout = TimeSpan.FromMinutes(5) }) { Token = alice.Client.Token };

        var (growth, peak) = await MeasureAsync(() => ApiAssert.RefusedAsync(HttpStatusCode.RequestEntityTooLarge,
            () => client.Media.UploadAsync(body, "video/mp4", "huge.mp4")));

        output.WriteLine($"length declared: {declaresLength}; sent {body.Produced / 1048576.0:F1} MiB; " +
            $"managed heap after: {growth / 1048576.0:+0.0;-0.0} MiB; peak: +{peak / 1048576.0:F1} MiB");
        Assert.True(peak < Budget, $"the managed heap grew by {peak / 1048576.0:F1} MiB during the upload");
        Assert.True(growth < Budget, $"the managed heap kept {growth / 1048576.0:F1} MiB after the upload");
        Assert.True(body.Produced < Upload, "the server read the whole upload");
        Assert.Equal(1, UploadTests.MediaCount(host));
    }

    [Fact]
    public async Task A48MiBUpload_IsStored_WithoutTheServerHoldingItInMemory()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        await alice.Client.Media.UploadAsync(new MemoryStream(TestFiles.Png), "image/png");
        var body = new GeneratedStream(48L * 1024 * 1024, seekable: false);
        using var http = new HttpClient(host.Server.CreateHandler()) { BaseAddress = new Uri(host.Server.BaseAddress, "/api/") };
        // A 200 MiB body takes a while on a loaded machine: the client's default request timeout is not what this measures.
        var client = new MicrochatClient(http, new MicrochatClientOptions { RequestTimeout = TimeSpan.FromMinutes(5) }) { Token = alice.Client.Token };
        Contracts.Media? media = null;

        var (growth, peak) = await MeasureAsync(async () => media = await client.Media.UploadAsync(body, "video/mp4", "big.mp4"));

        output.WriteLine($"stored {media!.Size / 1048576.0:F1} MiB; managed heap after: {growth / 1048576.0:+0.0;-0.0} MiB; peak: +{peak / 1048576.0:F1} MiB");
        Assert.True(peak < Budget, $"the managed heap grew by {peak / 1048576.0:F1} MiB during the upload");
        Assert.True(growth < Budget, $"the managed heap kept {growth / 1048576.0:F1} MiB after the upload");
        var range = await client.Media.DownloadRangeAsync(media.Id, 40_000_000, 40_000_009);
        Assert.Equal(Enumerable.Range(40_000_000, 10).Select(i => (byte)(i % 251)), range.Content);
    }

    /// <summary>
    /// How much more the managed heap holds after <paramref name="action"/>, and at most while it
    /// ran: sampled after a collection, so it counts what is live, not garbage awaiting a GC.
    /// </summary>
    /// <remarks>
    /// One collection per sample, ten times a second: GC.GetTotalMemory(true) collects up to twenty
    /// times until the heap stops changing, which during an upload it never does, and on a big test
    /// process that starved the upload it was measuring.
    /// </remarks>
    internal static async Task<(long Growth, long Peak)> MeasureAsync(Func<Task> action)
    {
        var before = Settle();
        long peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false) - before);
                await Task.Delay(100);
            }
        });
        try
        {
            await action();
        }
        finally
        {
            // Also when the action fails: a sampler left running would slow every later test.
            await stop.CancelAsync();
            await sampler;
        }
        return (Settle() - before, peak);
    }

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
