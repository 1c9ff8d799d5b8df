using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Chats;

public sealed class ChatDetailsTests
{
    [Fact]
    public async Task Get_AUser_ShowsTheProfile_AndTheConferencesBothAreIn()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync(name: "Bob", surname: "Builder");
        var shared = await alice.CreateConferenceAsync(isPrivate: true);
        var alicesOnly = await alice.CreateConferenceAsync();
        await alice.AddAsync(shared, bob);

        var details = await alice.Client.Chats.GetAsync(bob.Ref);

        Assert.Equal((bob.Id, bob.Alias, EntityType.User, "Bob", "Builder"), (details.Id, details.Alias, details.Type, details.Name, details.Surname));
        Assert.Equal(Permissions.Participant, details.Permissions);
        Assert.Equal([shared[1..]], details.CommonConferences!.Select(c => c.Alias));
        Assert.Null(details.Title);
        Assert.Null(details.MemberCount);
        Assert.Equal(2, (await alice.Client.Chats.GetAsync(alice.Ref)).CommonConferences!.Count);
        Assert.DoesNotContain(alicesOnly[1..], (await bob.Client.Chats.GetAsync(bob.Ref)).CommonConferences!.Select(c => c.Alias));
    }

    [Fact]
    public async Task Get_WorksByIdAndByAliasInAnyCase()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync("Alice");
        var bob = await host.SignUpAsync();

        Assert.Equal(alice.Id, (await bob.Client.Chats.GetAsync("@ALICE")).Id);
        Assert.Equal("Alice", (await bob.Client.Chats.GetAsync(alice.Id.ToString())).Alias);
    }

    [Fact]
    public async Task Get_ABot_ShowsItsOwner()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync(name: "Alice");
        var bob = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(alice);

        var details = await bob.Client.Chats.GetAsync(bot.Ref);

        Assert.Equal((EntityType.Bot, "Test bot", alice.Id), (details.Type, details.Title, details.Owner?.Id));
        Assert.Null(details.Name);
        Assert.Null(details.CommonConferences);
        Assert.Equal(Permissions.Participant, details.Permissions);
        Assert.Equal(alice.Id, (await bot.Client.Chats.GetAsync(alice.Ref)).Id);
    }

    [Fact]
    public async Task Get_APublicConference_GivesANonMemberReadOnly_AndAMemberTheirFlags()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();
        await member.JoinAsync(conference);

        var seenByStranger = await stranger.Client.Chats.GetAsync(conference);
        var seenByMember = await member.Client.Chats.GetAsync(conference);

        Assert.Equal(Permissions.ReadOnly, seenByStranger.Permissions);
        Assert.Equal((false, 2, owner.Id), (seenByStranger.Private, seenByStranger.MemberCount, seenByStranger.Owner?.Id));
        Assert.Equal(Permissions.Participant, seenByMember.Permissions);
        Assert.Equal(Permissions.All, (await owner.Client.Chats.GetAsync(conference)).Permissions);
    }

    [Fact]
    public async Task Get_APrivateConference_IsNotFound_ToNonMembers_ByAliasOrId()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync(isPrivate: true);
        var id = (await owner.Client.Chats.GetAsync(conference)).Id;

        var byAlias = await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => stranger.Client.Chats.GetAsync(conference));
        var nowhere = await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => stranger.Client.Chats.GetAsync("@nothing_here"));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => stranger.Client.Chats.GetAsync(id.ToString()));

        Assert.Equal(nowhere.Title, byAlias.Title);
    }

    [Fact]
    public async Task Get_RefusesAnonymous401_Unknown404_Malformed400()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Chats.GetAsync(alice.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Chats.GetAsync("999999"));
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Chats.GetAsync("@a"), "chat");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Chats.GetAsync("-5"), "chat");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Chats.GetAsync("99999999999999999999999"), "chat");
    }
}
