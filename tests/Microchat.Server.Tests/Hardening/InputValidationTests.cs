using System.Net;
using Microchat.Server.Tests.Infrastructure;
using Xunit;
using static Microchat.Server.Tests.Hardening.HardeningHttp;

namespace Microchat.Server.Tests.Hardening;

/// <summary>Duplicate JSON keys, control characters and unparsable query values: each a 400 that names the field.</summary>
public sealed class InputValidationTests
{
    [Theory]
    [InlineData("""{"login":"alice","Login":"mallory","password":"correct horse battery"}""", "Login")]
    [InlineData("""{"login":"alice","LOGIN":"mallory","password":"correct horse battery"}""", "LOGIN")]
    [InlineData("""{"login":"alice","login":"alice","password":"correct horse battery"}""", "login")]
    public async Task ADuplicateKey_InABody_IsA400_NamingIt_EvenInAnotherCase(string body, string field)
    {
        await using var host = new MicrochatHost();
        await host.SignUpAsync("alice");

        using var response = await host.CreateHttpClient().SendAsync(Json(HttpMethod.Post, "auth/tokens", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ADuplicateKey_InANestedObject_IsA400_ButTheSameKeyInTwoObjectsIsFine()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var http = host.CreateHttpClient();

        using var nested = await http.SendAsync(Json(HttpMethod.Post, $"chats/{bob.Ref}/messages",
            """{"text":"hi","extra":{"a":1,"A":2}}""", alice.Client.Token));
        using var fine = await http.SendAsync(Json(HttpMethod.Post, $"chats/{bob.Ref}/messages",
            """{"text":"hi","extra":[{"a":1},{"a":2}]}""", alice.Client.Token));

        Assert.Equal(HttpStatusCode.BadRequest, nested.StatusCode);
        Assert.True((await ProblemAsync(nested)).GetProperty("errors").TryGetProperty("extra.A", out _));
        Assert.Equal(HttpStatusCode.Created, fine.StatusCode);
    }

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\u0007")]
    [InlineData("\\u001b[31m")]
    [InlineData("\\u007f")]
    [InlineData("\\u0085")]
    [InlineData("\\ud800")]
    public async Task AControlCharacter_InAMessageNameOrTitle_IsA400FieldError(string escaped)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var http = host.CreateHttpClient();

        using var text = await http.SendAsync(Json(HttpMethod.Post, $"chats/{bob.Ref}/messages", $$"""{"text":"a{{escaped}}b"}""", alice.Client.Token));
        using var name = await http.SendAsync(Json(HttpMethod.Post, "users", $$"""{"alias":"{{TestUsers.UniqueAlias()}}","password":"long enough","name":"Eve{{escaped}}"}"""));
        using var title = await http.SendAsync(Json(HttpMethod.Post, "conferences", $$"""{"alias":"{{TestUsers.UniqueAlias("c")}}","title":"T{{escaped}}"}""", alice.Client.Token));
        using var description = await http.SendAsync(Json(HttpMethod.Post, "bots", $$"""{"alias":"{{TestUsers.UniqueAlias("b")}}","title":"Bot","description":"d{{escaped}}"}""", alice.Client.Token));

        foreach (var (response, field) in new[] { (text, "text"), (name, "name"), (title, "title"), (description, "description") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await ProblemAsync(response);
            // A lone surrogate is already refused by the JSON reader, as invalid JSON text.
            if (escaped != "\\ud800") Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task NewlinesAndTabs_AndEmoji_AreKept()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();

        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new("line one\r\nline\ttwo\n😀"));

        Assert.Equal("line one\r\nline\ttwo\n😀", sent.Text);
    }

    [Theory]
    [InlineData("chats?count=abc", "count", "whole number")]
    [InlineData("chats?offset=1.5", "offset", "whole number")]
    [InlineData("chats?count=99999999999", "count", "whole number")]
    public async Task AnUnparsableQueryValue_IsA400_NamingTheFieldInWords(string path, string field, string words)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", alice.Client.Token);

        using var response = await host.CreateHttpClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()).ToList();
        var message = Assert.Single(messages);
        Assert.Contains(words, message);
        Assert.DoesNotContain("Nullable", problem.ToString());
    }

    [Fact]
    public async Task AnUnparsableRouteId_IsA400_NamingTheField()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"chats/{bob.Ref}/messages/abc");
        request.Headers.Authorization = new("Bearer", alice.Client.Token);

        using var response = await host.CreateHttpClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty("id", out _));
    }
}
