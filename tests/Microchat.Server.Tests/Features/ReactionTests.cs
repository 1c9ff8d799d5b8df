using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Server.Tests.Messages;
using Xunit;
using TestConferences = Microchat.Server.Tests.Messages.TestConferences;

namespace Microchat.Server.Tests.Features;

public sealed class ReactionTests
{
    [Fact]
    public async Task Reactions_AreInEveryPlaceAMessageAppears_EachReceiverWithTheirOwnMe()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("lunch tomorrow?"));

        await bob.Client.Messages.ReactAsync(alice.Ref, sent.Id, "👍");
        await alice.Client.Messages.ReactAsync(bob.Ref, sent.Id, "❤️");
        await alice.Client.Messages.ReactAsync(bob.Ref, sent.Id, "👍");

        Reaction[] forAlice = [new("👍", 2, true), new("❤️", 1, true)];
        Reaction[] forBob = [new("👍", 2, true), new("❤️", 1, false)];
        Assert.Equal(forAlice, (await alice.Client.Messages.GetAsync(bob.Ref, sent.Id)).Reactions);
        Assert.Equal(forBob, (await bob.Client.Messages.GetAsync(alice.Ref, sent.Id)).Reactions);
        Assert.Equal(forBob, Assert.Single(await bob.Client.Messages.ListAsync(alice.Ref)).Reactions);
        Assert.Equal(forBob, Assert.Single(await bob.Client.Chats.ListAsync()).LastMessage!.Reactions);
        Assert.Equal(forBob, Assert.Single(await bob.Client.Messages.SearchAsync("lunch")).Reactions);

        var aliceEvents = await host.EventDataAsync<ReactionEventData>(alice, EventNames.ReactionChanged);
        var bobEvents = await host.EventDataAsync<ReactionEventData>(bob, EventNames.ReactionChanged);
        Assert.Equal(3, aliceEvents.Count);
        Assert.Equal((bob.Id, sent.Id), (aliceEvents[^1].Chat.Id, aliceEvents[^1].MessageId));
        Assert.Equal(forAlice, aliceEvents[^1].Reactions);
        Assert.Equal(alice.Id, bobEvents[^1].Chat.Id);
        Assert.Equal(forBob, bobEvents[^1].Reactions);

        // An edit's event carries the reactions too, each side with its own "me".
        await alice.Client.Messages.EditAsync(bob.Ref, sent.Id, new EditMessageRequest("lunch today?"));
        Assert.Equal(forBob, Assert.Single(await host.EventDataAsync<MessageEventData>(bob, EventNames.MessageEdited)).Message.Reactions);
        Assert.Equal(forAlice, Assert.Single(await host.EventDataAsync<MessageEventData>(alice, EventNames.MessageEdited)).Message.Reactions);
    }

    [Fact]
    public async Task React_IsIdempotent_AndUnreactRemovesOnlyTheCallersOwn()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("hi"));

        await bob.Client.Messages.ReactAsync(alice.Ref, sent.Id, "👍");
        await bob.Client.Messages.ReactAsync(alice.Ref, sent.Id, "👍");
        Assert.Single(await host.EventDataAsync<ReactionEventData>(alice, EventNames.ReactionChanged));
        Assert.Equal([new Reaction("👍", 1, false)], (await alice.Client.Messages.GetAsync(bob.Ref, sent.Id)).Reactions);

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Messages.UnreactAsync(bob.Ref, sent.Id, "👍"));
        await bob.Client.Messages.UnreactAsync(alice.Ref, sent.Id, "👍");
        Assert.Empty((await alice.Client.Messages.GetAsync(bob.Ref, sent.Id)).Reactions);
        Assert.Empty(Assert.IsType<ReactionEventData>((await host.EventDataAsync<ReactionEventData>(alice, EventNames.ReactionChanged))[^1]).Reactions);
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Messages.UnreactAsync(alice.Ref, sent.Id, "👍"));
    }

    [Fact]
    public async Task Emoji_IsOneGraphemeCluster_AndAMessageHoldsAtMost20()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var sent = await alice.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("note"));

        foreach (var bad in new[] { "a", "👍👍", "1", "!", "👍a" })
            await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Messages.ReactAsync(alice.Ref, sent.Id, bad), "emoji");

        // Skin tones, ZWJ sequences, flags and keycaps are each one emoji.
        string[] emoji =
        [
            "👍🏽", "👨‍👩‍👧‍👦", "🇫🇷", "1️⃣", "❤️", "😀", "😂", "🔥", "🎉", "👀",
            "🙏", "💯", "✅", "🤔", "😢", "😡", "👏", "🚀", "⭐", "🍕",
        ];
        foreach (var e in emoji) await alice.Client.Messages.ReactAsync(alice.Ref, sent.Id, e);
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Messages.ReactAsync(alice.Ref, sent.Id, "🍔"), "emoji");

        var reactions = (await alice.Client.Messages.GetAsync(alice.Ref, sent.Id)).Reactions;
        Assert.Equal(emoji, reactions.Select(r => r.Emoji));
        Assert.All(reactions, r => Assert.Equal((1, true), (r.Count, r.Me)));
    }

    [Fact]
    public async Task Reactors_AreListedOldestFirst_AndConcurrentReactorsAreAllCounted()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var conference = await host.CreateAsync(owner);
        var reactors = new List<SignedIn>();
        for (var i = 0; i < 8; i++)
        {
            var member = await host.SignUpAsync();
            await host.AddMemberAsync(conference, member);
            reactors.Add(member);
        }
        var sent = await owner.Client.Messages.SendAsync(conference, new SendMessageRequest("vote"));

        await Task.WhenAll(reactors.Select(r => r.Client.Messages.ReactAsync(conference, sent.Id, "🔥")));
        await owner.Client.Messages.ReactAsync(conference, sent.Id, "🔥");

        Assert.Equal([new Reaction("🔥", 9, true)], (await owner.Client.Messages.GetAsync(conference, sent.Id)).Reactions);
        var listed = await owner.Client.Messages.ListReactorsAsync(conference, sent.Id, "🔥", count: 100);
        Assert.Equal(9, listed.Count);
        Assert.Equal(reactors.Select(r => r.Id).Order(), listed.Take(8).Select(s => s.Id).Order());
        Assert.Equal(owner.Id, listed[^1].Id);
        Assert.Equal(owner.Alias, Assert.Single(await owner.Client.Messages.ListReactorsAsync(conference, sent.Id, "🔥", offset: 8)).Alias);
    }

    [Fact]
    public async Task ConferenceEvents_GiveTheReactorMe_AndEveryoneElseNot()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var quiet = await host.SignUpAsync();
        var visitor = await host.SignUpAsync();
        var conference = await host.CreateAsync(owner);
        await host.AddMemberAsync(conference, member);
        await host.AddMemberAsync(conference, quiet);
        var sent = await owner.Client.Messages.SendAsync(conference, new SendMessageRequest("hello"));

        await member.Client.Messages.ReactAsync(conference, sent.Id, "🎉");

        Assert.Equal([new Reaction("🎉", 1, true)], Assert.Single(await host.EventDataAsync<ReactionEventData>(member, EventNames.ReactionChanged)).Reactions);
        foreach (var other in new[] { owner, quiet })
        {
            var data = Assert.Single(await host.EventDataAsync<ReactionEventData>(other, EventNames.ReactionChanged));
            Assert.Equal((conference, sent.Id), ("@" + data.Chat.Alias, data.MessageId));
            Assert.Equal([new Reaction("🎉", 1, false)], data.Reactions);
        }
        Assert.Empty(await host.EventDataAsync<ReactionEventData>(visitor, EventNames.ReactionChanged));
    }

    [Fact]
    public async Task RefusedCallers_CannotReactOrListReactors()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var reader = await host.SignUpAsync();
        var outsider = await host.SignUpAsync();
        var secret = await host.CreateAsync(owner, isPrivate: true);
        var early = await owner.Client.Messages.SendAsync(secret, new SendMessageRequest("before you came"));
        await host.AddMemberAsync(secret, member);
        await host.AddMemberAsync(secret, reader, Permissions.ReadOnly);
        var sent = await owner.Client.Messages.SendAsync(secret, new SendMessageRequest("hello"));
        await owner.Client.Messages.ReactAsync(secret, sent.Id, "👍");
        var open = await host.CreateAsync(owner);
        var public1 = await owner.Client.Messages.SendAsync(open, new SendMessageRequest("hello all"));

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => outsider.Client.Messages.ReactAsync(secret, sent.Id, "👍"));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => outsider.Client.Messages.ListReactorsAsync(secret, sent.Id, "👍"));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => member.Client.Messages.ReactAsync(secret, early.Id, "👍"));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => member.Client.Messages.ListReactorsAsync(secret, early.Id, "👍"));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => reader.Client.Messages.ReactAsync(secret, sent.Id, "👍"));
        Assert.Single(await reader.Client.Messages.ListReactorsAsync(secret, sent.Id, "👍"));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => outsider.Client.Messages.ReactAsync(open, public1.Id, "👍"));
        Assert.Empty(await outsider.Client.Messages.ListReactorsAsync(open, public1.Id, "👍"));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Messages.ReactAsync(open, public1.Id, "👍"));
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => owner.Client.Messages.ListReactorsAsync(secret, sent.Id, "👍", count: 0), "count");
    }

    [Fact]
    public async Task ADeletedMessage_TakesItsReactions()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("oops"));
        await bob.Client.Messages.ReactAsync(alice.Ref, sent.Id, "😂");

        await alice.Client.Messages.DeleteAsync(bob.Ref, sent.Id);

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Messages.ListReactorsAsync(alice.Ref, sent.Id, "😂"));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Messages.ReactAsync(alice.Ref, sent.Id, "😂"));
        var next = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("again"));
        Assert.Empty(next.Reactions);
    }
}
