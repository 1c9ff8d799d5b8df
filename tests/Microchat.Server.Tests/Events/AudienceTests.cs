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
}
