using System.Net;
using System.Text.Json;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Storage;
using Xunit;

namespace Microchat.Server.Tests.Chats;

public sealed class DeleteChatTests
{
    private static readonly Dictionary<string, string?> RootIsAdministrator = new() { ["Microchat:Administrators:0"] = "root" };
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task DeletingOneself_RemovesTheAccountAndAllItHolds_ButLeavesMessagesSentToOthers()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync("alice");
        var bob = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(alice);
        var owned = await alice.CreateConferenceAsync();
        var bobs = await bob.CreateConferenceAsync();
        await bob.JoinAsync(owned);
        await alice.JoinAsync(bobs);
        var ownedKey = ChatKey.Conference((await bob.Client.Chats.GetAsync(owned)).Id);
        var bobsKey = ChatKey.Conference((await bob.Client.Chats.GetAsync(bobs)).Id);
        await host.AppendMessageAsync(ownedKey, bob.Id);
        await host.AppendMessageAsync(bobsKey, alice.Id, "from alice");
        await host.AppendMessageAsync(ChatKey.Dialog(alice.Id, bob.Id), alice.Id, "hi bob");
        await host.AppendMessageAsync(ChatKey.Dialog(alice.Id, alice.Id), alice.Id, "a note to self");
        await host.Service<IContactStore>().TryAddAsync(new ContactRecord { OwnerId = alice.Id, UserId = bob.Id, Name = "Bob" }, None);
        await host.Service<IContactStore>().TryAddAsync(new ContactRecord { OwnerId = bob.Id, UserId = alice.Id, Name = "Alice" }, None);
        await host.Service<IAvatarStore>().AddAsync(new AvatarRecord { EntityId = alice.Id, MediaId = "m1", CreatedAt = DateTimeOffset.UtcNow }, None);
        await host.Service<IReadMarkerStore>().SetAsync(alice.Id, bobsKey, 1, None);

        await alice.Client.Chats.DeleteAsync(alice.Ref);

        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => alice.Client.Chats.GetAsync(bob.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => bot.Client.Chats.GetAsync(bob.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Chats.GetAsync("@alice"));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Chats.GetAsync(alice.Id.ToString()));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Chats.GetAsync(bot.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Chats.GetAsync(owned));
        Assert.Equal([bob.Id], (await bob.Client.Members.ListAsync(bobs)).Select(m => m.Entity.Id));

        var messages = host.Service<IMessageStore>();
        Assert.Empty(await messages.ListAsync(ownedKey, new MessageQuery(null, 0, 10), None));
        Assert.Equal([alice.Id], (await messages.ListAsync(bobsKey, new MessageQuery(null, 0, 10), None)).Select(m => m.SenderId));
        Assert.Single(await messages.ListAsync(ChatKey.Dialog(alice.Id, bob.Id), new MessageQuery(null, 0, 10), None));
        Assert.Empty(await messages.ListAsync(ChatKey.Dialog(alice.Id, alice.Id), new MessageQuery(null, 0, 10), None));
        Assert.Empty(await host.Service<IContactStore>().ListAsync(bob.Id, 0, 10, None));
        Assert.Empty(await host.Service<IContactStore>().ListAsync(alice.Id, 0, 10, None));
        Assert.Empty(await host.Service<IAvatarStore>().ListAsync(alice.Id, 0, 10, None));
        Assert.Empty(await host.Service<ITokenStore>().ListAsync(alice.Id, 0, 10, None));
        Assert.Empty(await host.Service<ITokenStore>().ListAsync(bot.Id, 0, 10, None));
        Assert.Empty(await host.Service<IReadMarkerStore>().GetAsync(alice.Id, [bobsKey], None));
        Assert.Null(await host.Service<IMemberStore>().FindAsync(bobsKey.ConferenceId!.Value, alice.Id, None));
        Assert.Equal(0, await host.Service<IMemberStore>().CountAsync(ownedKey.ConferenceId!.Value, None));
    }

    [Fact]
    public async Task DeletingOneself_FreesTheAlias_ForANewAccountThatInheritsNothing()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync("alice");
        var bob = await host.SignUpAsync();
        var conference = await bob.CreateConferenceAsync();
        await alice.JoinAsync(conference);

        await alice.Client.Chats.DeleteAsync(alice.Ref);
        var newcomer = await host.SignUpAsync("Alice");

        Assert.NotEqual(alice.Id, newcomer.Id);
        Assert.Empty((await newcomer.Client.Chats.GetAsync(newcomer.Ref)).CommonConferences!);
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Members.GetAsync(conference, "@alice"));
    }

    [Fact]
    public async Task DeletingAUser_TellsDialogPartnersAndConferenceMembers()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var carol = await host.SignUpAsync();
        var owned = await alice.CreateConferenceAsync();
        var carols = await carol.CreateConferenceAsync();
        await bob.JoinAsync(owned);
        await alice.JoinAsync(carols);
        await host.AppendMessageAsync(ChatKey.Dialog(alice.Id, bob.Id), bob.Id);
        var ownedId = (await bob.Client.Chats.GetAsync(owned)).Id;

        await alice.Client.Chats.DeleteAsync(alice.Ref);

        var bobs = await host.EventsForAsync(bob.Id);
        var deleted = bobs.Where(e => e.Name == EventNames.ChatDeleted).Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("chat"))
            .Select(chat => chat.GetProperty("id").GetInt64()).ToList();
        Assert.Equal([ownedId, alice.Id], deleted);
        var carolsRemoved = Assert.Single(await host.EventsForAsync(carol.Id), e => e.Name == EventNames.MemberRemoved);
        Assert.Contains($"\"id\":{alice.Id}", carolsRemoved.Data);
        Assert.DoesNotContain(EventNames.ChatDeleted, await host.EventNamesForAsync(carol.Id));
    }

    [Fact]
    public async Task DeletingSomeoneElse_Is403_ButSiteAdministratorsMay()
    {
        await using var host = new MicrochatHost(RootIsAdministrator);
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var root = await host.SignUpAsync("root");
        var bot = await host.CreateBotAsync(bob);

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bob.Client.Chats.DeleteAsync(alice.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bot.Client.Chats.DeleteAsync(alice.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Chats.DeleteAsync(alice.Ref));
        Assert.Equal(alice.Id, (await bob.Client.Chats.GetAsync(alice.Ref)).Id);

        await root.Client.Chats.DeleteAsync(alice.Id.ToString());

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Chats.GetAsync(alice.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => alice.Client.Chats.GetAsync(alice.Ref));
    }

    [Fact]
    public async Task DeletingABot_IsForItsOwnerAndSiteAdministrators_AndTakesItOutOfItsConferences()
    {
        await using var host = new MicrochatHost(RootIsAdministrator);
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var root = await host.SignUpAsync("root");
        var bot = await host.CreateBotAsync(alice);
        var other = await host.CreateBotAsync(alice);
        var conference = await bob.CreateConferenceAsync();
        await bot.JoinAsync(conference);

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bob.Client.Chats.DeleteAsync(bot.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bot.Client.Chats.DeleteAsync(bot.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => other.Client.Chats.DeleteAsync(bot.Ref));
        await alice.Client.Chats.DeleteAsync(bot.Ref);
        await root.Client.Chats.DeleteAsync(other.Ref);

        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => bot.Client.Chats.GetAsync(bot.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => other.Client.Chats.GetAsync(other.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Chats.GetAsync(bot.Ref));
        Assert.Equal([bob.Id], (await bob.Client.Members.ListAsync(conference)).Select(m => m.Entity.Id));
        Assert.Contains(EventNames.MemberRemoved, await host.EventNamesForAsync(bob.Id));
        Assert.Equal(alice.Id, (await bob.Client.Chats.GetAsync(alice.Ref)).Id);
    }

    [Fact]
    public async Task DeletingAConference_IsForItsOwnerAndSiteAdministrators()
    {
        await using var host = new MicrochatHost(RootIsAdministrator);
        var owner = await host.SignUpAsync();
        var admin = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var root = await host.SignUpAsync("root");
        var bot = await host.CreateBotAsync(owner);
        var open = await owner.CreateConferenceAsync();
        var hidden = await owner.CreateConferenceAsync(isPrivate: true);
        foreach (var who in new[] { admin, member, bot }) await owner.AddAsync(open, who);
        await owner.Client.Members.UpdatePermissionsAsync(open, admin.Ref,
            new PermissionsPatch(Admin: true, EditConference: true, RemoveUser: true, AddUser: true, Delete: true));

        foreach (var refused in new[] { admin, member, stranger, bot })
            await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => refused.Client.Chats.DeleteAsync(open));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => stranger.Client.Chats.DeleteAsync(hidden));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Chats.DeleteAsync(open));
        Assert.Equal(4, (await owner.Client.Chats.GetAsync(open)).MemberCount);

        await owner.Client.Chats.DeleteAsync(open);
        await root.Client.Chats.DeleteAsync(hidden);

        foreach (var who in new[] { owner, admin, member, root })
        {
            await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => who.Client.Chats.GetAsync(open));
            await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => who.Client.Members.ListAsync(open));
            await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => who.Client.Chats.GetAsync(hidden));
        }
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => owner.Client.Chats.DeleteAsync(open));
    }

    [Fact]
    public async Task DeletingAConference_RemovesItsHistoryMembersMarkersAndAvatars_AndTellsTheMembers()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var former = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync(alias: "lobby");
        await member.JoinAsync(conference);
        await former.JoinAsync(conference);
        await former.Client.Members.RemoveAsync(conference, former.Ref);
        var id = (await owner.Client.Chats.GetAsync(conference)).Id;
        var key = ChatKey.Conference(id);
        await host.AppendMessageAsync(key, member.Id);
        await host.Service<IReadMarkerStore>().SetAsync(member.Id, key, 1, None);
        await host.Service<IAvatarStore>().AddAsync(new AvatarRecord { EntityId = id, MediaId = "m1", CreatedAt = DateTimeOffset.UtcNow }, None);

        await owner.Client.Chats.DeleteAsync(conference);

        foreach (var who in new[] { owner, member })
        {
            var last = (await host.EventsForAsync(who.Id))[^1];
            Assert.Equal(EventNames.ChatDeleted, last.Name);
            Assert.Equal(id, JsonDocument.Parse(last.Data).RootElement.GetProperty("chat").GetProperty("id").GetInt64());
        }
        Assert.DoesNotContain(EventNames.ChatDeleted, await host.EventNamesForAsync(former.Id));
        Assert.Empty(await host.EventsForAsync(stranger.Id));
        Assert.Empty(await host.Service<IMessageStore>().ListAsync(key, new MessageQuery(null, 0, 10), None));
        Assert.Null(await host.Service<IMemberStore>().FindAsync(id, former.Id, None));
        Assert.Equal(0, await host.Service<IMemberStore>().CountAsync(id, None));
        Assert.Empty(await host.Service<IReadMarkerStore>().GetAsync(member.Id, [key], None));
        Assert.Empty(await host.Service<IAvatarStore>().ListAsync(id, 0, 10, None));

        var reborn = await stranger.Client.Conferences.CreateAsync(new CreateConferenceRequest("lobby", "Lobby again"));
        Assert.NotEqual(id, reborn.Id);
        Assert.Equal([stranger.Id], (await stranger.Client.Members.ListAsync("@lobby")).Select(m => m.Entity.Id));
    }

    [Fact]
    public async Task Delete_RefusesUnknown404_AndMalformed400()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Chats.DeleteAsync("@nobody_here"));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Chats.DeleteAsync("424242"));
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Chats.DeleteAsync("@!"), "chat");
    }
}
