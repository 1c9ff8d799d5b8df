using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Accounts;

public sealed class RestartTests
{
    [Fact]
    public async Task AccountsAndLiveTokens_SurviveARestart_AndRevokedOnesStayRevoked()
    {
        var path = Path.Combine(Path.GetTempPath(), $"microchat-restart-{Guid.NewGuid():N}.db");
        string liveToken, revokedToken;
        await using (var first = new MicrochatHost(databasePath: path))
        {
            var alice = await first.SignUpAsync("alice");
            liveToken = alice.Client.Token!;
            var other = await first.Anonymous().Auth.LoginAsync(new CreateTokenRequest("alice", TestUsers.Password, "old"));
            revokedToken = other.Token;
            await alice.Client.Auth.RevokeTokenAsync(other.Id);
        }

        await using var second = new MicrochatHost(databasePath: path);
        try
        {
            var client = second.Anonymous();
            client.Token = liveToken;
            Assert.Single(await client.Auth.ListTokensAsync());

            client.Token = revokedToken;
            await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => client.Auth.ListTokensAsync());

            await ApiAssert.RefusedAsync(HttpStatusCode.Conflict,
                () => second.Anonymous().Auth.RegisterAsync(new RegisterUserRequest("alice", "secret123", "A")));
        }
        finally
        {
            await second.DisposeAsync();
            second.DeleteDatabase();
        }
    }
}
