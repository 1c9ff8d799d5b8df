using System.Collections.Concurrent;
using System.Globalization;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;

namespace Microchat.Server.Tests.Messages;

/// <summary>Conferences and memberships for message tests, made through the client by the conference's owner.</summary>
public static class TestConferences
{
    // Aliases are unique across the test run, so the owner who manages each conference can be looked up by it.
    private static readonly ConcurrentDictionary<string, SignedIn> Owners = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a conference owned by <paramref name="owner"/> and returns "@alias".</summary>
    public static async Task<string> CreateAsync(this MicrochatHost host, SignedIn owner, bool isPrivate = false)
    {
        _ = host;
        var created = await owner.Client.Conferences.CreateAsync(
            new CreateConferenceRequest(TestUsers.UniqueAlias("conf"), "Test conference", Private: isPrivate));
        var reference = "@" + created.Alias;
        Owners[reference] = owner;
        return reference;
    }

    /// <summary>The owner adds a member, with the conference's defaults or exactly the given flags.</summary>
    public static async Task AddMemberAsync(this MicrochatHost host, string conference, SignedIn member, Permissions? permissions = null)
    {
        _ = host;
        var owner = Owners[conference];
        await owner.Client.Members.AddAsync(conference, new AddMemberRequest(Id: member.Id));
        if (permissions is { } p)
        {
            await owner.Client.Members.UpdatePermissionsAsync(conference, member.Id.ToString(CultureInfo.InvariantCulture),
                new PermissionsPatch(p.Read, p.Send, p.SendMedia, p.Delete, p.AddUser, p.RemoveUser, p.EditConference, p.Admin));
        }
    }

    /// <summary>The owner removes a member; the member's readable span ends at the chat's newest message.</summary>
    public static Task RemoveMemberAsync(this MicrochatHost host, string conference, SignedIn member)
    {
        _ = host;
        return Owners[conference].Client.Members.RemoveAsync(conference, member.Id.ToString(CultureInfo.InvariantCulture));
    }
}
