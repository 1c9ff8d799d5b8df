using System.Net;
using Microchat.Client;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;
using static Microchat.Server.Tests.Bots.FaultInjectingHandler;

namespace Microchat.Server.Tests.Bots;

/// <summary>The client's one send path: Idempotency-Key on every POST, retries that never double, 429s, two exception types.</summary>
public sealed class ClientRetryTests
{
    private static readonly MicrochatClientOptions Fast = new() { RetryDelay = TimeSpan.FromMilliseconds(10) };

    [Theory]
    [InlineData(Fault.TimeoutAfterServerActed)]
    [InlineData(Fault.ConnectionLostAfterServerActed)]
    public async Task Send_ThatTimesOutMidFlight_IsRetriedWithTheSameKey_AndNotDoubled(Fault fault)
    {
        await using var host = new MicrochatHost();
        var (alice, bob, faults) = await TwoUsersAsync(host, IsSend);

        faults.Next(fault);
        var sent = await alice.Messages.SendAsync("@" + bob.Alias, new SendMessageRequest("only once"));

        var attempts = faults.Attempts.ToList();
        Assert.Equal(2, attempts.Count);
        Assert.NotNull(attempts[0].Key);
        Assert.Equal(attempts[0].Key, attempts[1].Key);
        var history = await alice.Messages.ListAsync("@" + bob.Alias);
        Assert.Equal([sent.Id], history.Select(m => m.Id));
    }

    [Fact]
    public async Task EveryPost_CarriesItsOwnKey_AndACallerGivenKeyReplaysTheFirstAnswer()
    {
        await using var host = new MicrochatHost();
        var (alice, bob, faults) = await TwoUsersAsync(host, IsSend);

        var first = await alice.Messages.SendAsync("@" + bob.Alias, new SendMessageRequest("one"));
        var second = await alice.Messages.SendAsync("@" + bob.Alias, new SendMessageRequest("two"));
        Message replayed;
        using (MicrochatClient.UseIdempotencyKey("order-42")) await alice.Messages.SendAsync("@" + bob.Alias, new SendMessageRequest("three"));
        using (MicrochatClient.UseIdempotencyKey("order-42")) replayed = await alice.Messages.SendAsync("@" + bob.Alias, new SendMessageRequest("three"));

        var keys = faults.Attempts.Select(a => a.Key).ToList();
        Assert.Equal(4, keys.Count);
        Assert.Equal(3, keys.Distinct().Count());
        Assert.Equal(["order-42", "order-42"], keys[2..]);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(["three", "two", "one"], (await alice.Messages.ListAsync("@" + bob.Alias)).Select(m => m.Text));
        Assert.Equal("three", replayed.Text);
    }

    [Fact]
    public async Task A429_IsWaitedOut_AsRetryAfterAsks_AndTheSendGoesThroughOnce()
    {
        await using var host = new MicrochatHost();
        var (alice, bob, faults) = await TwoUsersAsync(host, IsSend);

        faults.Next(Fault.RateLimited);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await alice.Messages.SendAsync("@" + bob.Alias, new SendMessageRequest("patient"));

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"waited only {clock.Elapsed}");
        Assert.Equal(2, faults.Attempts.Count);
        Assert.Single(await alice.Messages.ListAsync("@" + bob.Alias));
    }

    [Fact]
    public async Task A429_LongerThanTheThreshold_IsThrownAtOnce_AsAnApiRefusal()
    {
        await using var host = new MicrochatHost();
        var (alice, bob, faults) = await TwoUsersAsync(host, IsSend);

        faults.Next(Fault.RateLimitedForAnHour);
        var refusal = await Assert.ThrowsAsync<MicrochatApiException>(() =>
            alice.Messages.SendAsync("@" + bob.Alias, new SendMessageRequest("impatient")));

        Assert.Equal((HttpStatusCode.TooManyRequests, TimeSpan.FromHours(1)), (refusal.StatusCode, refusal.RetryAfter));
        Assert.Single(faults.Attempts);
    }

    [Fact]
    public async Task AConnectionThatNeverWorks_EndsInATransportException_AfterMaxAttempts_CarryingTheKey()
    {
        await using var host = new MicrochatHost();
        var (alice, bob, faults) = await TwoUsersAsync(host, IsSend);

        faults.Next(Fault.ConnectionRefused, Fault.ConnectionRefused, Fault.ConnectionRefused);
        var failure = await Assert.ThrowsAsync<MicrochatTransportException>(() =>
            alice.Messages.SendAsync("@" + bob.Alias, new SendMessageRequest("lost")));

        Assert.Equal(3, failure.Attempts);
        Assert.Equal(faults.Attempts.First().Key, failure.IdempotencyKey);
        Assert.IsType<HttpRequestException>(failure.InnerException);
        Assert.Empty(await alice.Messages.ListAsync("@" + bob.Alias));
    }

    [Fact]
    public async Task APatch_IsNotRetriedAfterTheServerMayHaveActed()
    {
        await using var host = new MicrochatHost();
        var (alice, _, faults) = await TwoUsersAsync(host, r => r.Method == HttpMethod.Patch);

        var me = await alice.GetMeAsync();
        faults.Next(Fault.TimeoutAfterServerActed);
        var failure = await Assert.ThrowsAsync<MicrochatTransportException>(() =>
            alice.Chats.UpdateAsync("@" + me.Alias, new UpdateChatRequest(Name: "Renamed")));

        Assert.Equal(1, failure.Attempts);
        Assert.Single(faults.Attempts);
    }

    [Fact]
    public async Task ABaseAddressWithoutTheTrailingSlash_Works_AndAWrongOne_SaysWhatIsWrong()
    {
        await using var host = new MicrochatHost();
        var http = host.CreateClient();
        var client = new MicrochatClient(http, new MicrochatClientOptions { BaseAddress = new Uri(http.BaseAddress!, "/api") });
        var alias = TestUsers.UniqueAlias();

        var profile = await client.Auth.RegisterAsync(new RegisterUserRequest(alias, TestUsers.Password, "Slash"));
        Assert.Equal(alias, profile.Alias);

        var wrong = new MicrochatClient(host.CreateClient(), new MicrochatClientOptions { BaseAddress = new Uri(http.BaseAddress!, "/nope") });
        var refusal = await Assert.ThrowsAsync<MicrochatApiException>(() => wrong.Chats.GetAsync("@" + alias));
        Assert.Equal(HttpStatusCode.NotFound, refusal.StatusCode);
        Assert.Contains("base address", refusal.Message, StringComparison.Ordinal);
    }

    private static bool IsSend(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/messages", StringComparison.Ordinal);

    /// <summary>Alice, on a client behind the fault injector, and Bob to write to.</summary>
    private static async Task<(MicrochatClient Alice, SignedIn Bob, FaultInjectingHandler Faults)> TwoUsersAsync(
        MicrochatHost host, Func<HttpRequestMessage, bool> applies)
    {
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var faults = new FaultInjectingHandler { Applies = applies };
        var http = host.CreateDefaultClient(new Uri(host.Server.BaseAddress, "/api/"), faults);
        var client = new MicrochatClient(http, Fast) { Token = alice.Client.Token };
        return (client, bob, faults);
    }
}
