using Microchat.Client;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Events;

/// <summary>Who receives what: the recipients stored with each event, and nobody else, live and on replay.</summary>
public sealed class AudienceTests
{
    [Fact]
    public async Task AnEvent_ReachesItsRecipients_AndNobodyElse_LiveAndOnReplay()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var start = await host.LastIdAsync();
        var bobLive = bob.Client.Events.ListenAsync(start).TakeAsync(1);

        await host.PublishAsync(EventTestKit.Numbered(1, alice.Id));
        await host.PublishAsync(EventTestKit.Numbered(2, alice.Id, bob.Id));

        Assert.Equal([1L, 2L], (await alice.Client.Events.ListenAsync(start).TakeAsync(2)).Select(e => e.Number()));
        Assert.Equal([2L], (await bobLive).Select(e => e.Number()));
        Assert.Equal([2L], (await bob.Client.Events.ListenAsync(start).TakeAsync(1)).Select(e => e.Number()));
    }

    [Fact]
    public async Task AConferencesEvents_ReachItsMembers_ButNeverANonMember_EvenOfAPublicConference()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();
        var start = await host.LastIdAsync();
        var strangerLive = stranger.Client.Events.ListenAsync(start).TakeAsync(1);

        await member.JoinAsync(conference);
        await owner.Client.Chats.UpdateAsync(conference, new UpdateChatRequest(Title: "Renamed"));
        await owner.Client.Conferences.UpdateDefaultPermissionsAsync(conference, new PermissionsPatch(SendMedia: false));
        await host.PublishAsync(EventTestKit.Numbered(99, stranger.Id));

        foreach (var who in new[] { owner, member })
        {
            var events = await who.Client.Events.ListenAsync(start).TakeAsync(3);
            var added = Assert.IsType<MemberEvent>(events[0]);
            Assert.Equal(MicrochatEventKind.MemberAdded, added.Kind);
            Assert.Equal(member.Id, added.Member.Entity.Id);
            Assert.Equal(conference, "@" + added.Chat.Alias);
            var renamed = Assert.IsType<ChatEvent>(events[1]);
            Assert.Equal(MicrochatEventKind.ChatUpdated, renamed.Kind);
            Assert.Equal("Renamed", renamed.Chat.Title);
            var defaults = Assert.IsType<PermissionsEvent>(events[2]);
            Assert.Null(defaults.Member);
            Assert.False(defaults.Permissions.SendMedia);
        }
        Assert.Equal([99L], (await strangerLive).Select(e => e.Number()));
        Assert.Equal([99L], (await stranger.Client.Events.ListenAsync(start).TakeAsync(1)).Select(e => e.Number()));
    }

    [Fact]
    public async Task ARemovedMember_GetsItsRemovalLast_AndNothingOfTheConferenceAfter_LiveAndOnReplay()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync(isPrivate: true);
        await owner.AddAsync(conference, member);
        var start = await host.LastIdAsync();
        var live = member.Client.Events.ListenAsync(start).TakeAsync(2);

        await owner.Client.Members.RemoveAsync(conference, member.Ref);
        await owner.Client.Chats.UpdateAsync(conference, new UpdateChatRequest(Title: "After"));
        await host.PublishAsync(EventTestKit.Numbered(99, member.Id));

        foreach (var events in new[] { await live, await member.Client.Events.ListenAsync(start).TakeAsync(2) })
        {
            var removed = Assert.IsType<MemberEvent>(events[0]);
            Assert.Equal(MicrochatEventKind.MemberRemoved, removed.Kind);
            Assert.Equal(member.Id, removed.Member.Entity.Id);
            Assert.Equal(99, events[1].Number());
        }
        var ownerEvents = await owner.Client.Events.ListenAsync(start).TakeAsync(2);
        Assert.Equal([MicrochatEventKind.MemberRemoved, MicrochatEventKind.ChatUpdated], ownerEvents.Select(e => e.Kind));
    }

    [Fact]
    public async Task ADialogsMessages_ReachBothSides_EachSeeingTheOtherPartyAsTheChat_AndNobodyElse()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var start = await host.LastIdAsync();

        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("hi bob"));
        await alice.Client.Messages.EditAsync(bob.Ref, sent.Id, new EditMessageRequest("hi, bob"));
        await alice.Client.Messages.DeleteAsync(bob.Ref, sent.Id);
        await host.PublishAsync(EventTestKit.Numbered(99, stranger.Id));

        foreach (var (who, other) in new[] { (alice, bob), (bob, alice) })
        {
            var events = await who.Client.Events.ListenAsync(start).TakeAsync(3);
            var created = Assert.IsType<MessageEvent>(events[0]);
            Assert.Equal(MicrochatEventKind.MessageCreated, created.Kind);
            Assert.Equal(other.Id, created.Chat.Id);
            Assert.Equal((sent.Id, "hi bob", alice.Id), (created.Message.Id, created.Message.Text, created.Message.Sender.Id));
            var edited = Assert.IsType<MessageEvent>(events[1]);
            Assert.True(edited.IsEdit);
            Assert.Equal("hi, bob", edited.Message.Text);
            var deleted = Assert.IsType<MessageDeletedEvent>(events[2]);
            Assert.Equal((other.Id, sent.Id), (deleted.Chat.Id, deleted.MessageId));
        }
        Assert.Equal([99L], (await stranger.Client.Events.ListenAsync(start).TakeAsync(1)).Select(e => e.Number()));
    }

    [Fact]
    public async Task APublicConferencesMessages_ReachItsMembers_ButNotAReaderWhoIsNoMember()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var reader = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();
        await member.JoinAsync(conference);
        var start = await host.LastIdAsync();

        var sent = await owner.Client.Messages.SendAsync(conference, new SendMessageRequest("to the members"));
        await host.PublishAsync(EventTestKit.Numbered(99, reader.Id));

        var received = Assert.IsType<MessageEvent>((await member.Client.Events.ListenAsync(start).TakeAsync(1))[0]);
        Assert.Equal((conference, sent.Id), ("@" + received.Chat.Alias, received.Message.Id));
        // The reader may read the history, but the stream is for members.
        Assert.Equal(sent.Id, (await reader.Client.Messages.GetAsync(conference, sent.Id)).Id);
        Assert.Equal([99L], (await reader.Client.Events.ListenAsync(start).TakeAsync(1)).Select(e => e.Number()));
    }

    [Fact]
    public async Task AMemberWhoLeft_GetsNoMessageSentAfterwards_LiveOrOnReplay()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();
        await member.JoinAsync(conference);
        var start = await host.LastIdAsync();
        var live = member.Client.Events.ListenAsync(start).TakeAsync(3);

        await owner.Client.Messages.SendAsync(conference, new SendMessageRequest("before"));
        await member.Client.Members.RemoveAsync(conference, member.Ref);
        await owner.Client.Messages.SendAsync(conference, new SendMessageRequest("after"));
        await host.PublishAsync(EventTestKit.Numbered(99, member.Id));

        foreach (var events in new[] { await live, await member.Client.Events.ListenAsync(start).TakeAsync(3) })
        {
            Assert.Equal("before", Assert.IsType<MessageEvent>(events[0]).Message.Text);
            Assert.Equal(MicrochatEventKind.MemberRemoved, events[1].Kind);
            Assert.Equal(99, events[2].Number());
        }
    }
}
