using Microchat.Contracts;
using Microchat.Server.Domain;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Server.Tests.Messages;

/// <summary>
/// Bots for message tests, written through the host's stores until the bot endpoint exists;
/// the one place to switch to the client then.
/// </summary>
public static class TestBots
{
    /// <summary>Creates a bot owned by <paramref name="owner"/> and returns a client logged in with its token.</summary>
    public static async Task<SignedIn> CreateBotAsync(this MicrochatHost host, SignedIn owner)
    {
        var bot = await host.Services.GetRequiredService<IEntityStore>().TryCreateAsync(new EntityRecord
        {
            Alias = TestUsers.UniqueAlias("bot"),
            Type = EntityType.Bot,
            Title = "Test bot",
            OwnerId = owner.Id,
            CreatedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None) ?? throw new InvalidOperationException("Alias taken.");
        var token = await host.Services.GetRequiredService<TokenService>().IssueAsync(bot.Id, "bot", CancellationToken.None);
        var client = host.Anonymous();
        client.Token = token.Token;
        var profile = new ChatDetails { Id = bot.Id, Alias = bot.Alias, Type = EntityType.Bot, Title = bot.Title, Permissions = Permissions.Participant };
        return new SignedIn(client, profile);
    }
}
