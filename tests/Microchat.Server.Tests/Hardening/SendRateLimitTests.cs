using System.Globalization;
using System.Net;
using Microchat.Server.Tests.Infrastructure;
using Xunit;
using static Microchat.Server.Tests.Hardening.HardeningHttp;

namespace Microchat.Server.Tests.Hardening;

/// <summary>The send budget: the framework's limiter per caller, RateLimit headers, a true Retry-After, problem bodies.</summary>
public sealed class SendRateLimitTests
{
    private static MicrochatHost HostWithBudget(int permits, string window) => new(new Dictionary<string, string?>
    {
        ["Microchat:SendRateLimitPermits"] = permits.ToString(CultureInfo.InvariantCulture),
        ["Microchat:SendRateLimitWindow"] = window,
    });

    [Fact]
    public async Task Sends_OverTheBudget_Are429Problems_WithATrueRetryAfter_AndRateLimitHeaders()
    {
        // An hour-long window, aligned to the clock: the test cannot straddle two windows in practice.
        await using var host = HostWithBudget(3, "01:00:00");
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var http = host.CreateHttpClient();

        var remaining = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var sent = await http.SendAsync(Json(HttpMethod.Post, $"chats/{bob.Ref}/messages", $$"""{"text":"hi {{i}}"}""", alice.Client.Token));
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            Assert.Equal("3", Header(sent, "RateLimit-Limit"));
            remaining.Add(Header(sent, "RateLimit-Remaining"));
        }
        using var refused = await http.SendAsync(Json(HttpMethod.Post, $"chats/{bob.Ref}/messages", """{"text":"one too many"}""", alice.Client.Token));
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(["2", "1", "0"], remaining);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var problem = await ProblemAsync(refused);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Contains("3", problem.GetProperty("detail").GetString());
        var untilNextHour = (now.AddTicks(TimeSpan.TicksPerHour - now.UtcTicks % TimeSpan.TicksPerHour) - now).TotalSeconds;
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(retryAfter, untilNextHour - 2, untilNextHour + 2);
        Assert.Equal(((long)retryAfter).ToString(CultureInfo.InvariantCulture), Header(refused, "RateLimit-Reset"));
        Assert.Equal("0", Header(refused, "RateLimit-Remaining"));
        Assert.Equal(3, (await bob.Client.Messages.ListAsync(alice.Ref)).Count);
    }

    [Fact]
    public async Task TheBudget_IsPerCaller_AnotherUserStillSends()
    {
        await using var host = HostWithBudget(1, "01:00:00");
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        await alice.Client.Messages.SendAsync(bob.Ref, new("first"));

        await ApiAssert.RefusedAsync(HttpStatusCode.TooManyRequests, () => alice.Client.Messages.SendAsync(bob.Ref, new("second")));
        var fromBob = await bob.Client.Messages.SendAsync(alice.Ref, new("bob's first"));

        Assert.Equal("bob's first", fromBob.Text);
    }

    [Fact]
    public async Task ARefusedSender_SendsAgain_OnceRetryAfterHasPassed()
    {
        await using var host = HostWithBudget(2, "00:00:02");
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var http = host.CreateHttpClient();

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 5 && refused is null; i++)
        {
            var response = await http.SendAsync(Json(HttpMethod.Post, $"chats/{bob.Ref}/messages", """{"text":"hi"}""", alice.Client.Token));
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
        }
        Assert.NotNull(refused);
        var wait = refused!.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(wait.TotalSeconds, 1, 2);
        await Task.Delay(wait + TimeSpan.FromMilliseconds(300));
        using var again = await http.SendAsync(Json(HttpMethod.Post, $"chats/{bob.Ref}/messages", """{"text":"after the wait"}""", alice.Client.Token));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task Logins_OverTheirBudget_Are429Problems_WithType_AndRateLimitHeaders()
    {
        await using var host = new MicrochatHost(new Dictionary<string, string?> { ["Microchat:AuthRateLimitPermits"] = "2", ["Microchat:AuthRateLimitWindow"] = "01:00:00" });
        var http = host.CreateHttpClient();
        for (var i = 0; i < 2; i++) (await http.SendAsync(Json(HttpMethod.Post, "auth/tokens", """{"login":"nobody","password":"wrong password"}"""))).Dispose();

        using var refused = await http.SendAsync(Json(HttpMethod.Post, "auth/tokens", """{"login":"nobody","password":"wrong password"}"""));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.False(string.IsNullOrEmpty((await ProblemAsync(refused)).GetProperty("type").GetString()));
        Assert.True(refused.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        Assert.Equal("2", Header(refused, "RateLimit-Limit"));
    }

    [Fact]
    public async Task TheDefaults_Are30SendsPer10Seconds_And8Streams()
    {
        var options = new MicrochatOptions();

        Assert.Equal((30, TimeSpan.FromSeconds(10), 8), (options.SendRateLimitPermits, options.SendRateLimitWindow, options.MaxStreamsPerCaller));
        await Task.CompletedTask;
    }
}
