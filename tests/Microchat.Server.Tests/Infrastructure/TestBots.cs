using Microchat.Contracts;

namespace Microchat.Server.Tests.Infrastructure;

/// <summary>Shortcuts for bots.</summary>
public static class TestBots
{
    /// <summary>Has <paramref name="owner"/> create a bot; returns a client signed in with the bot's token.</summary>
    public static async Task<SignedIn> CreateBotAsync(this MicrochatHost host, SignedIn owner, string? alias = null)
    {
        var created = await owner.Client.Bots.CreateAsync(new CreateBotRequest(alias ?? TestUsers.UniqueAlias("bot"), "Test bot"));
        var client = host.Anonymous();
        client.Token = created.Token;
        return new SignedIn(client, created.Bot);
    }
}
