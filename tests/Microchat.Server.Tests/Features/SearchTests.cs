using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Server.Tests.Messages;
using Xunit;
using TestConferences = Microchat.Server.Tests.Messages.TestConferences;

namespace Microchat.Server.Tests.Features;

public sealed class SearchTests
{
    [Fact]
    public async Task MessageSearch_MatchesEveryWordByPrefix_IgnoringCaseAndAccents_NewestFirst_InTheCallersChatsOnly()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var carol = await host.SignUpAsync();
        var older = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("Rendez-vous au CAFÉ demain"));
        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("nothing to see"));
        var conference = await host.CreateAsync(alice);
        await host.AddMemberAsync(conference, bob);
        var newer = await bob.Client.Messages.SendAsync(conference, new SendMessageRequest("cafés are open, Zoë"));
        await carol.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("cafe with carol"));

        var hits = await alice.Client.Messages.SearchAsync("Cafe");
        Assert.Equal([(conference, newer.Id), ("@" + bob.Alias, older.Id)], hits.Select(m => ("@" + m.Chat.Alias, m.Id)));
        Assert.Equal([newer.Id], (await alice.Client.Messages.SearchAsync("caf zoe")).Select(m => m.Id));
        Assert.Empty(await alice.Client.Messages.SearchAsync("afe"));
        Assert.Equal(3, (await bob.Client.Messages.SearchAsync("CAF")).Count);
        Assert.Equal([older.Id], (await alice.Client.Messages.SearchAsync("caf", chat: bob.Ref)).Select(m => m.Id));
        Assert.Single(await alice.Client.Messages.SearchAsync("caf", count: 1, offset: 1));
    }

    [Fact]
    public async Task MessageSearch_FollowsEditsAndDeletions_AndPagesBackWithBefore()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var edited = await alice.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("apple pie"));
        var deleted = await alice.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("apple tart"));
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add((await alice.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest($"banana {i}"))).Id);

        await alice.Client.Messages.EditAsync(alice.Ref, edited.Id, new EditMessageRequest("banana bread"));
        await alice.Client.Messages.DeleteAsync(alice.Ref, deleted.Id);

        Assert.Empty(await alice.Client.Messages.SearchAsync("apple"));
        var found = Assert.Single(await alice.Client.Messages.SearchAsync("bread"));
        Assert.Equal(("banana bread", edited.Id), (found.Text, found.Id));
        Assert.Equal([ids[1], ids[0], edited.Id], (await alice.Client.Messages.SearchAsync("banana", chat: alice.Ref, before: ids[2])).Select(m => m.Id));
    }

    [Fact]
    public async Task MessageSearch_RespectsPrivateSpansAndMembership()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var secret = await host.CreateAsync(owner, isPrivate: true);
        await owner.Client.Messages.SendAsync(secret, new SendMessageRequest("secret plan before"));
        await host.AddMemberAsync(secret, member);
        var during = await owner.Client.Messages.SendAsync(secret, new SendMessageRequest("secret plan during"));
        await host.RemoveMemberAsync(secret, member);
        await owner.Client.Messages.SendAsync(secret, new SendMessageRequest("secret plan after"));
        var open = await host.CreateAsync(owner);
        var announcement = await owner.Client.Messages.SendAsync(open, new SendMessageRequest("secret plan in public"));

        Assert.Equal(4, (await owner.Client.Messages.SearchAsync("secret plan")).Count);
        Assert.Empty(await member.Client.Messages.SearchAsync("secret"));
        await host.AddMemberAsync(secret, member);
        Assert.Equal([during.Id], (await member.Client.Messages.SearchAsync("secret")).Select(m => m.Id));
        Assert.Empty(await stranger.Client.Messages.SearchAsync("secret"));
        Assert.Equal([announcement.Id], (await stranger.Client.Messages.SearchAsync("secret", chat: open)).Select(m => m.Id));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => stranger.Client.Messages.SearchAsync("secret", chat: secret));
    }

    [Fact]
    public async Task Search_RefusesBadQueries()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        foreach (var q in new[] { "", "!!! ...", new string('a', 257) })
        {
            await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Messages.SearchAsync(q), "q");
            await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Chats.SearchAsync(q), "q");
        }
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Messages.SearchAsync("a", before: 5), "before");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Messages.SearchAsync("a", chat: alice.Ref, before: 0), "before");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Messages.SearchAsync("a", count: 0), "count");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Messages.SearchAsync("a", chat: "@-"), "chat");
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Messages.SearchAsync("a"));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Chats.SearchAsync("a"));
    }

    [Fact]
    public async Task ChatSearch_FindsUsersBotsAndConferencesByAliasOrTitleWords_NeverAPrivateConferenceToAnOutsider()
    {
        await using var host = new MicrochatHost();
        var stem = TestUsers.UniqueAlias("zq");
        var owner = await host.SignUpAsync($"{stem}_owner", name: "Ada", surname: "Lövelace");
        var outsider = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(owner, $"{stem}_bot");
        var open = await owner.Client.Conferences.CreateAsync(new CreateConferenceRequest($"{stem}_open", "Engines Club"));
        var secret = await owner.Client.Conferences.CreateAsync(new CreateConferenceRequest($"{stem}_secret", "Engines Inner Circle", Private: true));

        Assert.Equal([owner.Id], (await outsider.Client.Chats.SearchAsync("lovel")).Select(s => s.Id));
        Assert.Equal([owner.Id], (await outsider.Client.Chats.SearchAsync("ada LOV")).Select(s => s.Id));
        Assert.Equal([open.Id], (await outsider.Client.Chats.SearchAsync("engines")).Select(s => s.Id));
        Assert.Equal([open.Id, secret.Id], (await owner.Client.Chats.SearchAsync("engines")).Select(s => s.Id));
        var all = await owner.Client.Chats.SearchAsync(stem);
        Assert.Equal([bot.Id, open.Id, owner.Id, secret.Id], all.Select(s => s.Id));
        Assert.Equal([EntityType.Bot, EntityType.Conference, EntityType.User, EntityType.Conference], all.Select(s => s.Type));
        Assert.Equal(3, (await outsider.Client.Chats.SearchAsync(stem)).Count);
        Assert.Equal([open.Id], (await outsider.Client.Chats.SearchAsync(stem, offset: 1, count: 1)).Select(s => s.Id));
    }
}
