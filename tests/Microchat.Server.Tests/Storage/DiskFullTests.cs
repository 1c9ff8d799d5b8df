using System.Diagnostics;
using System.Net;
using LiteDB;
using Microchat.Client;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Storage.LiteDb;
using Microchat.Storage.LiteDb.Tests.Faults;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace Microchat.Server.Tests.Storage;

/// <summary>
/// The sample host's disk fills up and is freed again, seen through the typed client: sends are
/// answered 503 with Retry-After and a problem body at once, reads stay 200, sends succeed again
/// without a restart, nothing acknowledged is lost, and the host is still running. The disk is a
/// fault-injecting stream (mounting a tmpfs is refused in CI's container).
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData(LiteDbDurability.Default)]
    [InlineData(LiteDbDurability.Durable)]
    public async Task Sends_Get503_ReadsStay200_AndSendsSucceedAgain_OnceSpaceIsFreed(LiteDbDurability durability)
    {
        var disk = new FullDisk();
        await using var host = new MicrochatHost();
        await using var app = OnDisk(host, disk, durability);
        var alice = await SignUpAsync(app, "alice");
        var bob = await SignUpAsync(app, "bob");
        var acknowledged = new List<long>();
        for (var i = 0; i < 10; i++) acknowledged.Add((await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest($"before {i}"))).Id);

        disk.Fill();
        // The background checkpoint meets the full disk too; it must not stop the host.
        app.Services.GetRequiredService<LiteDbStorage>().Checkpoint();
        var refused = 0;
        var slowest = TimeSpan.Zero;
        var fault = Stopwatch.StartNew();
        while (fault.Elapsed < TimeSpan.FromSeconds(3))
        {
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<MicrochatApiException>(() => alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("during")));
            slowest = Max(slowest, clock.Elapsed);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
            Assert.Equal(503, error.Problem?.Status);
            Assert.False(string.IsNullOrEmpty(error.Detail));
            Assert.Equal(TimeSpan.FromSeconds(5), error.RetryAfter);
            refused++;

            // Bob's first authenticated request comes now: reading must not need a write.
            clock.Restart();
            var listed = await bob.Client.Messages.ListAsync(alice.Ref, count: 100);
            Assert.Equal(acknowledged.Order(), listed.Select(m => m.Id).Order());
            Assert.Equal("before 0", (await alice.Client.Messages.GetAsync(bob.Ref, acknowledged[0])).Text);
            slowest = Max(slowest, clock.Elapsed);
            await Task.Delay(50);
        }
        Assert.True(slowest < Fast, $"a request took {slowest}");

        disk.Free();
        var recovery = Stopwatch.StartNew();
        acknowledged.Add(await SendUntilAcceptedAsync(alice, bob.Ref));
        var recovered = recovery.Elapsed;
        for (var i = 0; i < 5; i++) acknowledged.Add((await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest($"after {i}"))).Id);
        output.WriteLine($"{durability}: {refused} sends answered 503 in {fault.Elapsed.TotalSeconds:F1} s of full disk " +
            $"({disk.RefusedWrites} disk writes refused); slowest request {slowest.TotalMilliseconds:F0} ms; " +
            $"sends accepted again {recovered.TotalMilliseconds:F0} ms after space was freed.");
        Assert.True(recovered < Fast, $"recovery took {recovered}");

        var stored = await bob.Client.Messages.ListAsync(alice.Ref, count: 100);
        Assert.Equal(acknowledged.Order(), stored.Select(m => m.Id).Order());
        Assert.False(app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested,
            "the host is stopping");

        // And after a restart on the same file, on a sound disk: every acknowledged send is there.
        await app.DisposeAsync();
        await using var restarted = new MicrochatHost(databasePath: host.DatabasePath);
        var reader = restarted.Anonymous();
        await reader.Auth.LoginAsync(new CreateTokenRequest(bob.Alias, TestUsers.Password, "after restart"));
        var kept = await reader.Messages.ListAsync(alice.Ref, count: 100);
        Assert.Equal(acknowledged.Order(), kept.Select(m => m.Id).Order());
    }

    // The sample host on its own database file, opened through the faulty disk.
    private static WebApplicationFactory<Program> OnDisk(MicrochatHost host, FullDisk disk, LiteDbDurability durability) =>
        host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            var options = new LiteDbOptions { Durability = durability, WrapFile = disk.Wrap };
            services.RemoveAll<LiteDbStorage>();
            services.AddSingleton(_ => new LiteDbStorage(LiteDbFiles.Opener(new ConnectionString($"Filename={host.DatabasePath}"), options), durability));
        }));

    // A client that shows every 503 instead of retrying it on its own.
    private static async Task<SignedIn> SignUpAsync(WebApplicationFactory<Program> app, string stem)
    {
        var http = app.CreateClient();
        http.BaseAddress = new Uri(http.BaseAddress!, "/api/");
        var client = new MicrochatClient(http, new MicrochatClientOptions { MaxAttempts = 1 });
        var alias = TestUsers.UniqueAlias(stem);
        var profile = await client.Auth.RegisterAsync(new RegisterUserRequest(alias, TestUsers.Password, "Test", null));
        await client.Auth.LoginAsync(new CreateTokenRequest(alias, TestUsers.Password, "test"));
        return new SignedIn(client, profile);
    }

    // Writes are refused for a moment after the last failure; a client honours Retry-After, faster here.
    private static async Task<long> SendUntilAcceptedAsync(SignedIn sender, string chat)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return (await sender.Client.Messages.SendAsync(chat, new SendMessageRequest("after"))).Id;
            }
            catch (MicrochatApiException e) when (e.StatusCode == HttpStatusCode.ServiceUnavailable && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
