using Microchat.Server.Health;
using Microchat.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using System.Net;

namespace Microchat.Web.Tests;

/// <summary>What a new user finds on the sample host besides the API: the page, the reference, health.</summary>
public sealed class HostEndpointsTests
{
    [Fact]
    public async Task Root_ServesTheChatPage_WithItsTestHooks()
    {
        await using var host = new WebHost();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var html = await http.GetStringAsync("/");

        foreach (var hook in new[] { "login-alias", "login-password", "login-submit", "open-chat", "open-chat-submit", "composer", "send" })
            Assert.Contains($"data-test=\"{hook}\"", html);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/app.js")).StatusCode);
    }

    [Fact]
    public async Task Scalar_ServesTheApiReference()
    {
        await using var host = new WebHost();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var response = await http.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_IsHealthy_WhenTheStoreAnswersAndTakesWrites()
    {
        await using var host = new WebHost();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var response = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthCheck_IsUnhealthy_WhenTheStoreDoesNotAnswer()
    {
        var check = new MicrochatStoreHealthCheck(new BrokenEventStore(), TimeProvider.System);
        var registration = new HealthCheckRegistration(MicrochatStoreHealthCheck.Name, check, HealthStatus.Unhealthy, null);

        var result = await check.CheckHealthAsync(new HealthCheckContext { Registration = registration });

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The store is not reachable.", result.Description);
    }

    private sealed class BrokenEventStore : IEventStore
    {
        public ValueTask<IReadOnlyList<EventRecord>> AppendAsync(IReadOnlyList<EventRecord> events, CancellationToken cancellationToken) =>
            throw new IOException("disk gone");

        public ValueTask<IReadOnlyList<EventRecord>> ReadAsync(long recipientId, long afterId, int max, CancellationToken cancellationToken) =>
            throw new IOException("disk gone");

        public ValueTask<EventPage> ReadPageAsync(long recipientId, long afterId, int max, CancellationToken cancellationToken) =>
            throw new IOException("disk gone");

        public ValueTask<(long OldestId, long LastId)> GetBoundsAsync(CancellationToken cancellationToken) =>
            throw new IOException("disk gone");

        public ValueTask PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
            throw new IOException("disk gone");
    }
}
