using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Accounts;

public sealed class TokenTests
{
    [Fact]
    public async Task Login_IssuesAToken_ThatListsAsCurrent_WithoutItsSecret()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var second = await host.Anonymous().Auth.LoginAsync(new CreateTokenRequest(alice.Alias, TestUsers.Password, "phone"));

        var tokens = await alice.Client.Auth.ListTokensAsync();

        Assert.Equal(2, tokens.Count);
        Assert.Single(tokens, t => t.Current);
        Assert.Contains(tokens, t => t.Id == second.Id && t.Name == "phone" && !t.Current);
        Assert.StartsWith("mc_", second.Token);
        Assert.True(second.Token.Length >= 43, "a token carries at least 256 random bits");
    }

    [Fact]
    public async Task Login_IsCaseInsensitiveOnTheAlias()
    {
        await using var host = new MicrochatHost();
        await host.SignUpAsync("alice");

        var token = await host.Anonymous().Auth.LoginAsync(new CreateTokenRequest("ALICE", TestUsers.Password));

        Assert.NotEmpty(token.Token);
    }

    [Fact]
    public async Task Login_GivesOneAnswer_ForAWrongPasswordAndAnUnknownLogin()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var anonymous = host.Anonymous();

        var wrongPassword = await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized,
            () => anonymous.Auth.LoginAsync(new CreateTokenRequest(alice.Alias, "wrong password")));
        var unknownLogin = await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized,
            () => anonymous.Auth.LoginAsync(new CreateTokenRequest("nobody_here", TestUsers.Password)));

        Assert.Equal(wrongPassword.Detail, unknownLogin.Detail);
    }

    [Fact]
    public async Task Login_RefusesEmptyFields_With400()
    {
        await using var host = new MicrochatHost();

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest,
            () => host.Anonymous().Auth.LoginAsync(new CreateTokenRequest("", "")), "login", "password");
    }

    [Fact]
    public async Task RevokedToken_Gets401_AtOnce()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var current = (await alice.Client.Auth.ListTokensAsync()).Single();

        await alice.Client.Auth.RevokeTokenAsync(current.Id);

        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => alice.Client.Auth.ListTokensAsync());
    }

    [Fact]
    public async Task Revoke_AnotherUsersToken_Is404_AndLeavesItWorking()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var bobsToken = (await bob.Client.Auth.ListTokensAsync()).Single();

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Auth.RevokeTokenAsync(bobsToken.Id));

        Assert.Single(await bob.Client.Auth.ListTokensAsync());
    }

    [Fact]
    public async Task Tokens_RefuseAnonymousAndGarbageTokens_With401()
    {
        await using var host = new MicrochatHost();
        var anonymous = host.Anonymous();

        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => anonymous.Auth.ListTokensAsync());
        anonymous.Token = "mc_not_a_real_token";
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => anonymous.Auth.ListTokensAsync());
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => anonymous.Auth.RevokeTokenAsync(1));
    }

    [Theory]
    [InlineData(-1, null, "offset")]
    [InlineData(null, 0, "count")]
    [InlineData(null, 101, "count")]
    public async Task ListTokens_RefusesOutOfRangePaging(int? offset, int? count, string field)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Auth.ListTokensAsync(offset, count), field);
    }

    [Fact]
    public async Task Revoke_AMalformedId_Is400Problem()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", alice.Client.Token);

        var response = await http.DeleteAsync("auth/tokens/abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
