using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;

namespace Microchat.Server.Tests.Messages;

/// <summary>Bots for message tests, created through the client.</summary>
public static class TestBots
{
    /// <summary>Creates a bot owned by <paramref name="owner"/> and returns a client using its token.</summary>
    public static async Task<SignedIn> CreateBotAsync(this MicrochatHost host, SignedIn owner)
    {
        var created = await owner.Client.Bots.CreateAsync(new CreateBotRequest(TestUsers.UniqueAlias("bot"), "Test bot"));
        var client = host.Anonymous();
        client.Token = created.Token;
        return new SignedIn(client, created.Bot);
    }
}
