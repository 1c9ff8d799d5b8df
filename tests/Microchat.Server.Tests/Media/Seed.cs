using System.Text.Json;
using Microchat.Client;
using Microchat.Contracts;
using Microchat.Server.Domain;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Server.Tests.Media;

/// <summary>
/// Puts in place, through the host's own stores, what other areas' endpoints create (bots,
/// conferences, dialog messages), and reads the event log, so these tests stand on their own.
/// </summary>
internal static class Seed
{
    private static CancellationToken Ct => CancellationToken.None;

    /// <summary>A bot owned by <paramref name="owner"/> and a client logged in as it.</summary>
    public static async Task<(EntityRecord Bot, MicrochatClient Client)> BotAsync(this MicrochatHost host, SignedIn owner)
    {
        var bot = await host.Services.GetRequiredService<IEntityStore>().TryCreateAsync(new EntityRecord
        {
            Alias = TestUsers.UniqueAlias("bot"), Type = EntityType.Bot, CreatedAt = DateTimeOffset.UtcNow,
            Title = "Helper", OwnerId = owner.Id,
        }, Ct);
        var token = await host.Services.GetRequiredService<TokenService>().IssueAsync(bot!.Id, "bot", Ct);
        var client = host.Anonymous();
        client.Token = token.Token;
        return (bot, client);
    }

    /// <summary>A conference owned by <paramref name="owner"/>.</summary>
    public static async Task<EntityRecord> ConferenceAsync(this MicrochatHost host, SignedIn owner, bool isPrivate = false)
    {
        var conference = await host.Services.GetRequiredService<IEntityStore>().TryCreateAsync(new EntityRecord
        {
            Alias = TestUsers.UniqueAlias("conf"), Type = EntityType.Conference, CreatedAt = DateTimeOffset.UtcNow,
            Title = "Team", OwnerId = owner.Id, IsPrivate = isPrivate, DefaultPermissions = Permissions.Participant,
        }, Ct);
        await host.Services.GetRequiredService<IMemberStore>().TryJoinAsync(conference!.Id, owner.Id, Permissions.All, true, DateTimeOffset.UtcNow, 1, Ct);
        return conference;
    }

    /// <summary>Adds a member with these permissions (default: a plain member's).</summary>
    public static async Task JoinAsync(this MicrochatHost host, EntityRecord conference, long entityId, Permissions? permissions = null) =>
        await host.Services.GetRequiredService<IMemberStore>().TryJoinAsync(
            conference.Id, entityId, permissions ?? Permissions.Participant, false, DateTimeOffset.UtcNow, 1, Ct);

    /// <summary>A message from one side to the other, which makes their dialog exist.</summary>
    public static async Task DialogAsync(this MicrochatHost host, long from, long to) =>
        await host.Services.GetRequiredService<IMessageStore>().AppendAsync(ChatKey.Dialog(from, to),
            new MessageRecord { SenderId = from, Text = "hi", SentAt = DateTimeOffset.UtcNow }, Ct);

    /// <summary>The events an entity has received, oldest first, with their data parsed.</summary>
    public static async Task<IReadOnlyList<(string Name, JsonElement Data)>> EventsOfAsync(this MicrochatHost host, long recipientId)
    {
        var events = await host.Services.GetRequiredService<IEventStore>().ReadAsync(recipientId, 0, 1000, Ct);
        return events.Select(e => (e.Name, JsonDocument.Parse(e.Data).RootElement.Clone())).ToList();
    }
}
