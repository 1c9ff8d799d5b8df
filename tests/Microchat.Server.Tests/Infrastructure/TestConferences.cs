using Microchat.Contracts;

namespace Microchat.Server.Tests.Infrastructure;

/// <summary>Shortcuts for conferences and their members.</summary>
public static class TestConferences
{
    /// <summary>Creates a conference owned by <paramref name="owner"/>; returns its "@alias".</summary>
    public static async Task<string> CreateConferenceAsync(this SignedIn owner, bool isPrivate = false, string? alias = null)
    {
        var conference = await owner.Client.Conferences.CreateAsync(
            new CreateConferenceRequest(alias ?? TestUsers.UniqueAlias("conf"), "Test conference", null, isPrivate));
        return "@" + conference.Alias;
    }

    /// <summary>Has <paramref name="adder"/> add <paramref name="member"/> (by alias) to the conference.</summary>
    public static Task<Member> AddAsync(this SignedIn adder, string conference, SignedIn member) =>
        adder.Client.Members.AddAsync(conference, new AddMemberRequest(Alias: member.Alias));

    /// <summary>Has <paramref name="who"/> join a public conference.</summary>
    public static Task<Member> JoinAsync(this SignedIn who, string conference) => who.AddAsync(conference, who);
}
