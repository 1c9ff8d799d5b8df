using Microchat.Client;
using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Accounts;

public sealed class RegistrationTests
{
    [Fact]
    public async Task Register_ReturnsTheProfile_WithLocation()
    {
        await using var host = new MicrochatHost();
        using var http = host.CreateHttpClient();

        var response = await http.PostAsync("users", Json("""{"alias":"Alice","password":"secret123","name":"Alice","surname":"Liddell","bio":"hi"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/chats/@Alice", response.Headers.Location?.OriginalString);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"alias\":\"Alice\"", body);
        Assert.Contains("\"common_conferences\":[]", body);
        Assert.DoesNotContain("password", body);
    }

    [Fact]
    public async Task Register_RefusesATakenAlias_CaseInsensitively()
    {
        await using var host = new MicrochatHost();
        await host.SignUpAsync("alice");

        await ApiAssert.RefusedAsync(HttpStatusCode.Conflict,
            () => host.Anonymous().Auth.RegisterAsync(new RegisterUserRequest("ALICE", "secret123", "Other")));
    }

    [Theory]
    [InlineData("ab", "secret123", "Name", "alias")]
    [InlineData("1abc", "secret123", "Name", "alias")]
    [InlineData("has space", "secret123", "Name", "alias")]
    [InlineData("abcdefghijklmnopqrstuvwxyz1234567", "secret123", "Name", "alias")]
    [InlineData("valid", "short", "Name", "password")]
    [InlineData("valid", "secret123", " ", "name")]
    public async Task Register_RefusesBadInput_WithFieldErrors_AndStoresNothing(string alias, string password, string name, string field)
    {
        await using var host = new MicrochatHost();
        var anonymous = host.Anonymous();

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest,
            () => anonymous.Auth.RegisterAsync(new RegisterUserRequest(alias, password, name)), field);

        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized,
            () => anonymous.Auth.LoginAsync(new CreateTokenRequest(alias, password)));
    }

    [Fact]
    public async Task Register_RefusesAPasswordOver128Characters()
    {
        await using var host = new MicrochatHost();

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest,
            () => host.Anonymous().Auth.RegisterAsync(new RegisterUserRequest("alice", new string('x', 129), "A")), "password");
    }

    [Theory]
    [InlineData("{bad json")]
    [InlineData("null")]
    [InlineData("{\"alias\": 5}")]
    [InlineData("[]")]
    public async Task Register_AnswersMalformedBodies_WithAProblem(string body)
    {
        await using var host = new MicrochatHost();
        using var http = host.CreateHttpClient();

        var response = await http.PostAsync("users", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Register_AnswersAWrongContentType_With415Problem()
    {
        await using var host = new MicrochatHost();
        using var http = host.CreateHttpClient();

        var response = await http.PostAsync("users", new StringContent("alias=alice"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Register_IsForbidden_WhenRegistrationIsOff()
    {
        await using var host = new MicrochatHost(new Dictionary<string, string?> { ["Microchat:AllowRegistration"] = "false" });

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => host.Anonymous().Auth.RegisterAsync(new RegisterUserRequest("alice", "secret123", "A")));
    }

    [Fact]
    public async Task Register_IsRateLimited_With429AndRetryAfter()
    {
        await using var host = new MicrochatHost(new Dictionary<string, string?> { ["Microchat:AuthRateLimitPermits"] = "2" });
        // The client waits out 429s by itself; this test wants to see the refusal.
        var anonymous = new MicrochatClient(host.CreateHttpClient(), new MicrochatClientOptions { RateLimitRetryCount = 0 });
        await anonymous.Auth.RegisterAsync(new RegisterUserRequest("first", "secret123", "A"));
        await anonymous.Auth.RegisterAsync(new RegisterUserRequest("second", "secret123", "A"));

        var refusal = await ApiAssert.RefusedAsync(HttpStatusCode.TooManyRequests,
            () => anonymous.Auth.RegisterAsync(new RegisterUserRequest("third", "secret123", "A")));

        Assert.NotNull(refusal.RetryAfter);
        Assert.True(refusal.RetryAfter > TimeSpan.Zero);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
