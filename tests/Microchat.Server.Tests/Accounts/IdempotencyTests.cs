using System.Net;
using System.Text;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Storage;
using Xunit;

namespace Microchat.Server.Tests.Accounts;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task ARepeatedPost_WithTheSameKey_ReturnsTheFirstResponse_AndChangesNothing()
    {
        await using var host = new MicrochatHost();
        await host.SignUpAsync("alice");
        using var http = host.CreateHttpClient();
        var login = """{"login":"alice","password":"correct horse battery"}""";

        var first = await SendAsync(http, "auth/tokens", login, "retry-1");
        var again = await SendAsync(http, "auth/tokens", login, "retry-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAnonymousKey_DoesNotReplayAnotherRequestsResponse()
    {
        await using var host = new MicrochatHost();
        using var http = host.CreateHttpClient();

        var alice = await SendAsync(http, "users", """{"alias":"alice","password":"secret123","name":"A"}""", "same");
        var bob = await SendAsync(http, "users", """{"alias":"bob","password":"secret123","name":"B"}""", "same");

        Assert.Equal(HttpStatusCode.Created, bob.StatusCode);
        Assert.NotEqual(await alice.Content.ReadAsStringAsync(), await bob.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ARetriedBotCreation_ReturnsTheSameToken_WhichTheStoreKeepsEncrypted()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", owner.Client.Token);
        var body = $$"""{"alias":"{{TestUsers.UniqueAlias("bot")}}","title":"Helper"}""";

        var first = await SendAsync(http, "bots", body, "create-bot");
        var again = await SendAsync(http, "bots", body, "create-bot");

        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync());
        var token = System.Text.Json.JsonDocument.Parse(firstBody).RootElement.GetProperty("token").GetString()!;
        var stored = await host.Service<IIdempotencyStore>().FindAsync(Http.IdempotencyFilter.Hash($"{owner.Id}|/api/bots|create-bot"), CancellationToken.None);
        Assert.NotNull(stored);
        Assert.DoesNotContain(token, Encoding.UTF8.GetString(stored.Body));
    }

    [Fact]
    public async Task KeysDifferingOnlyInCase_AreDifferentKeys()
    {
        await using var host = new MicrochatHost();
        await host.SignUpAsync("alice");
        using var http = host.CreateHttpClient();
        var login = """{"login":"alice","password":"correct horse battery"}""";

        var lower = await SendAsync(http, "auth/tokens", login, "retry-a");
        var upper = await SendAsync(http, "auth/tokens", login, "RETRY-A");

        Assert.NotEqual(await lower.Content.ReadAsStringAsync(), await upper.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("tab\there")]
    [InlineData("this-key-is-far-too-long-to-be-accepted-by-the-server-because-it-has-65")]
    public async Task AMalformedKey_Is400(string key)
    {
        await using var host = new MicrochatHost();
        using var http = host.CreateHttpClient();

        var response = await SendAsync(http, "users", """{"alias":"alice","password":"secret123","name":"A"}""", key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string json, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return http.SendAsync(request);
    }
}
