using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Server.Tests.Messages;

/// <summary>
/// Conferences and memberships for message tests, written through the host's stores until the
/// conference and member endpoints exist; the one place to switch to the client then.
/// </summary>
public static class TestConferences
{
    /// <summary>Creates a conference owned by <paramref name="owner"/> (who joins it) and returns "@alias".</summary>
    public static async Task<string> CreateAsync(this MicrochatHost host, SignedIn owner, bool isPrivate = false,
        Permissions? defaults = null)
    {
        var entities = host.Services.GetRequiredService<IEntityStore>();
        var conference = await entities.TryCreateAsync(new EntityRecord
        {
            Alias = TestUsers.UniqueAlias("conf"),
            Type = EntityType.Conference,
            Title = "Test conference",
            OwnerId = owner.Id,
            IsPrivate = isPrivate,
            DefaultPermissions = defaults ?? Permissions.Participant,
            CreatedAt = Now(),
        }, CancellationToken.None) ?? throw new InvalidOperationException("Alias taken.");
        await JoinAsync(host, conference.Id, owner.Id, Permissions.All, isOwner: true);
        return "@" + conference.Alias;
    }

    /// <summary>Adds a member with the conference's defaults, or the given flags.</summary>
    public static async Task AddMemberAsync(this MicrochatHost host, string conference, SignedIn member, Permissions? permissions = null)
    {
        var entity = await FindAsync(host, conference);
        await JoinAsync(host, entity.Id, member.Id, permissions ?? entity.DefaultPermissions ?? Permissions.Participant, isOwner: false);
    }

    /// <summary>Ends a membership; the member's span closes at the chat's newest message.</summary>
    public static async Task RemoveMemberAsync(this MicrochatHost host, string conference, SignedIn member)
    {
        var entity = await FindAsync(host, conference);
        var last = await host.Services.GetRequiredService<IMessageStore>().GetLastIdAsync(ChatKey.Conference(entity.Id), CancellationToken.None);
        if (!await host.Services.GetRequiredService<IMemberStore>().LeaveAsync(entity.Id, member.Id, last, CancellationToken.None))
            throw new InvalidOperationException("Not a member.");
    }

    private static async Task JoinAsync(MicrochatHost host, long conferenceId, long entityId, Permissions permissions, bool isOwner)
    {
        var last = await host.Services.GetRequiredService<IMessageStore>().GetLastIdAsync(ChatKey.Conference(conferenceId), CancellationToken.None);
        var joined = await host.Services.GetRequiredService<IMemberStore>().TryJoinAsync(
            conferenceId, entityId, permissions, isOwner, Now(), last + 1, CancellationToken.None);
        if (!joined) throw new InvalidOperationException("Already a member.");
    }

    // Stores keep milliseconds, as the server's clock does.
    private static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    private static async Task<EntityRecord> FindAsync(MicrochatHost host, string conference) =>
        await host.Services.GetRequiredService<IEntityStore>().FindByAliasAsync(conference.TrimStart('@'), CancellationToken.None)
        ?? throw new InvalidOperationException($"No conference {conference}.");
}
