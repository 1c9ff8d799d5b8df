using System.Net;
using Microchat.Client;
using Microchat.Contracts;
using Microchat.Server.Tests.Events;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Webhooks;

/// <summary>Webhook delivery end to end: the server POSTs to a bot app on 127.0.0.1 that maps MapMicrochatWebhook().</summary>
public sealed class WebhookDeliveryTests
{
    private static readonly Dictionary<string, string?> Insecure = new() { ["Microchat:AllowInsecureWebhooks"] = "true" };
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Delivery_SurvivesTheReceiverFailingTwice_AndAHostRestart_WithNothingLostOrDoubled()
    {
        var database = Path.Combine(Path.GetTempPath(), $"microchat-webhook-{Guid.NewGuid():N}.db");
        var first = new MicrochatHost(Insecure, database);
        try
        {
            var alice = await first.SignUpAsync();
            var bot = await first.CreateBotAsync(alice);
            await using var receiver = await WebhookReceiverApp.StartAsync(first, bot.Client.Token!);
            await bot.Client.Me.SetWebhookAsync(receiver.Url, WebhookReceiverApp.Secret);

            receiver.FailNext(2);
            await alice.Client.Messages.SendAsync(bot.Ref, new SendMessageRequest("one"));
            await UntilAsync(() => receiver.Handled.Any(h => h.Text == "one"), "the first message to be handled");
            Assert.Equal(2, receiver.Refused.Count);

            receiver.Down = true;
            await alice.Client.Messages.SendAsync(bot.Ref, new SendMessageRequest("two"));
            await UntilAsync(() => receiver.Refused.Count >= 3, "a failed attempt at the second message");
            var state = await bot.Client.Me.GetWebhookAsync();
            Assert.Equal(1, state!.Pending);
            Assert.NotNull(state.LastError);
            Assert.NotNull(state.LastErrorAt);

            await first.DisposeAsync();
            receiver.Down = false;
            await using var second = new MicrochatHost(Insecure, database);
            var botAgain = second.Anonymous();
            botAgain.Token = bot.Client.Token;
            await botAgain.GetMeAsync();
            await UntilAsync(() => receiver.Handled.Any(h => h.Text == "two"), "the second message to be delivered after the restart");

            Assert.Equal(["one", "two"], receiver.Handled.Select(h => h.Text));
            var acknowledged = receiver.Acknowledged.Select(long.Parse).ToList();
            Assert.Equal(acknowledged.Distinct().Order(), acknowledged);
            Assert.Equal(2, acknowledged.Count);
            var after = await botAgain.Me.GetWebhookAsync();
            Assert.Equal((0, acknowledged[^1], (string?)null), (after!.Pending, after.LastDeliveredId, after.LastError));
        }
        finally
        {
            await first.DisposeAsync();
            first.DeleteDatabase();
        }
    }

    [Fact]
    public async Task ADeliveryWithAWrongSignature_IsRefused_AndNeverReachesTheHandler()
    {
        await using var host = new MicrochatHost(Insecure);
        var alice = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(alice);
        await using var receiver = await WebhookReceiverApp.StartAsync(host, bot.Client.Token!);
        using var http = new HttpClient();

        var body = new StringContent("""{"id":1,"event":"reset","data":{}}""", System.Text.Encoding.UTF8, "application/json");
        body.Headers.Add("Microchat-Signature", "sha256=" + new string('0', 64));
        using var response = await http.PostAsync(receiver.Url, body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(receiver.Handled);
    }

    [Fact]
    public async Task WhileAWebhookIsSet_TheBotsStreamIsA409_AndAfterDeleteItWorksAgain()
    {
        await using var host = new MicrochatHost(Insecure);
        var alice = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(alice);
        await bot.Client.Me.SetWebhookAsync(new Uri("http://127.0.0.1:9/hook"), WebhookReceiverApp.Secret);

        using var refused = await host.CreateHttpClient().SendAsync(Stream(bot));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        await bot.Client.Me.DeleteWebhookAsync();
        Assert.Null(await bot.Client.Me.GetWebhookAsync());
        using var stream = await host.CreateHttpClient().SendAsync(Stream(bot), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
    }

    [Theory]
    [InlineData("http://bots.example/hook", "url")]
    [InlineData("https://127.0.0.1/hook", "url")]
    [InlineData("https://[::1]/hook", "url")]
    [InlineData("https://10.1.2.3/hook", "url")]
    [InlineData("https://192.168.0.5/hook", "url")]
    [InlineData("https://169.254.169.254/latest/meta-data", "url")]
    [InlineData("https://user:pw@192.0.2.10/hook", "url")]
    [InlineData("not a url", "url")]
    public async Task AnUnsafeUrl_IsA400_UnlessInsecureWebhooksAreAllowed(string url, string field)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(alice);

        var refusal = await Assert.ThrowsAsync<MicrochatApiException>(() =>
            bot.Client.Me.SetWebhookAsync(new Uri(url, UriKind.RelativeOrAbsolute), WebhookReceiverApp.Secret));

        Assert.Equal(HttpStatusCode.BadRequest, refusal.StatusCode);
        Assert.Contains(field, refusal.Errors.Keys);
    }

    [Fact]
    public async Task AShortSecret_IsA400()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(alice);

        var refusal = await Assert.ThrowsAsync<MicrochatApiException>(() =>
            bot.Client.Me.SetWebhookAsync(new Uri("https://192.0.2.10/hook"), "short"));

        Assert.Equal(HttpStatusCode.BadRequest, refusal.StatusCode);
        Assert.Contains("secret", refusal.Errors.Keys);
    }

    private static HttpRequestMessage Stream(SignedIn bot)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "events");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bot.Client.Token);
        return request;
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }
}
