using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Server.Tests.Messages;
using Xunit;

namespace Microchat.Server.Tests.ChatList;

public sealed class ChatListTests
{
    // Activity is ordered by time kept to the millisecond: wait past one where the order matters.
    private static Task TickAsync() => Task.Delay(5);

    [Fact]
    public async Task TheList_HasDialogsWithMessages_AndConferences_NewestActivityFirst()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var carol = await host.SignUpAsync();
        var dave = await host.SignUpAsync();
        var conference = await host.CreateAsync(bob);
        await host.AddMemberAsync(conference, alice);

        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("to bob"));
        await TickAsync();
        await carol.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("from carol"));
        await TickAsync();
        await alice.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("note"));
        await TickAsync();
        await bob.Client.Messages.SendAsync(conference, new SendMessageRequest("in the conference"));
        await alice.Client.Messages.ListAsync(dave.Ref);   // a dialog without messages is not a chat yet

        var chats = await alice.Client.Chats.ListAsync();

        Assert.Equal([conference, alice.Ref, carol.Ref, bob.Ref], chats.Select(c => "@" + c.Chat.Alias));
        Assert.Equal(["in the conference", "note", "from carol", "to bob"], chats.Select(c => c.LastMessage?.Text));
        Assert.Equal(EntityType.Conference, chats[0].Chat.Type);
        Assert.All(chats, c => Assert.Equal(c.Chat, c.LastMessage?.Chat));
        Assert.Equal([1, 0, 1, 0], chats.Select(c => c.UnreadCount));
    }

    [Fact]
    public async Task TheOtherSide_SeesTheDialogWithTheSenderAsChat()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();

        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("hi"));
        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("there"));

        var entry = Assert.Single(await bob.Client.Chats.ListAsync());
        Assert.Equal(alice.Id, entry.Chat.Id);
        Assert.Equal((2L, alice.Id), (entry.LastMessage?.Id, entry.LastMessage?.Sender.Id));
        Assert.Equal(2, entry.UnreadCount);
        Assert.Equal(0, Assert.Single(await alice.Client.Chats.ListAsync()).UnreadCount);
    }

    [Fact]
    public async Task NewActivity_MovesAChatToTheTop()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var carol = await host.SignUpAsync();

        await bob.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("1"));
        await TickAsync();
        await carol.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("2"));
        Assert.Equal([carol.Id, bob.Id], (await alice.Client.Chats.ListAsync()).Select(c => c.Chat.Id));

        await TickAsync();
        await bob.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("3"));
        Assert.Equal([bob.Id, carol.Id], (await alice.Client.Chats.ListAsync()).Select(c => c.Chat.Id));
    }

    [Fact]
    public async Task TheList_Pages_WithOffsetAndCount_AndRefusesOutOfRangeValues()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var others = new List<SignedIn>();
        for (var i = 0; i < 5; i++)
        {
            var other = await host.SignUpAsync();
            await other.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest($"hi {i}"));
            others.Add(other);
            await TickAsync();
        }

        var page = await alice.Client.Chats.ListAsync(offset: 1, count: 2);

        Assert.Equal([others[3].Id, others[2].Id], page.Select(c => c.Chat.Id));
        Assert.Empty(await alice.Client.Chats.ListAsync(offset: 5));
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Chats.ListAsync(offset: -1), "offset");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Chats.ListAsync(count: 0), "count");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Chats.ListAsync(count: 101), "count");
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Chats.ListAsync());
    }

    [Fact]
    public async Task AConferenceWithoutMessages_IsListedFromWhenTheCallerJoined()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        await bob.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("earlier"));
        await TickAsync();
        var conference = await host.CreateAsync(bob);
        await host.AddMemberAsync(conference, alice);

        var chats = await alice.Client.Chats.ListAsync();

        Assert.Equal([conference, bob.Ref], chats.Select(c => "@" + c.Chat.Alias));
        Assert.Null(chats[0].LastMessage);
        Assert.Equal(0, chats[0].UnreadCount);
    }

    [Fact]
    public async Task APublicConferencesHistory_FromBeforeJoining_IsNotUnread()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var alice = await host.SignUpAsync();
        var conference = await host.CreateAsync(owner);
        for (var i = 0; i < 3; i++) await owner.Client.Messages.SendAsync(conference, new SendMessageRequest($"old {i}"));
        await host.AddMemberAsync(conference, alice);
        await owner.Client.Messages.SendAsync(conference, new SendMessageRequest("new"));

        var entry = Assert.Single(await alice.Client.Chats.ListAsync());

        Assert.Equal(("new", 1), (entry.LastMessage?.Text, entry.UnreadCount));
    }

    [Fact]
    public async Task AConferenceLeft_OrOnlyRead_IsNotInTheList()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var alice = await host.SignUpAsync();
        var left = await host.CreateAsync(owner);
        var visited = await host.CreateAsync(owner);
        await host.AddMemberAsync(left, alice);
        await owner.Client.Messages.SendAsync(left, new SendMessageRequest("hi"));
        await owner.Client.Messages.SendAsync(visited, new SendMessageRequest("hi"));
        await host.RemoveMemberAsync(left, alice);
        await alice.Client.Messages.ListAsync(visited);

        Assert.Empty(await alice.Client.Chats.ListAsync());
    }

    [Fact]
    public async Task APrivateConferenceMember_SeesOnlyTheirSpans_InLastMessage_AndUnreadCountsFromTheirLatestJoin()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var alice = await host.SignUpAsync();
        var conference = await host.CreateAsync(owner, isPrivate: true);
        await host.AddMemberAsync(conference, alice);
        await owner.Client.Messages.SendAsync(conference, new SendMessageRequest("while in 1"));     // 1
        await owner.Client.Messages.SendAsync(conference, new SendMessageRequest("while in 2"));     // 2
        await host.RemoveMemberAsync(conference, alice);
        await owner.Client.Messages.SendAsync(conference, new SendMessageRequest("while away"));     // 3
        await host.AddMemberAsync(conference, alice);

        var entry = Assert.Single(await alice.Client.Chats.ListAsync());
        // The last message they may read is from their earlier span, not the one sent while away.
        Assert.Equal(("while in 2", 0), (entry.LastMessage?.Text, entry.UnreadCount));

        await owner.Client.Messages.SendAsync(conference, new SendMessageRequest("back"));           // 4
        entry = Assert.Single(await alice.Client.Chats.ListAsync());
        Assert.Equal(("back", 1), (entry.LastMessage?.Text, entry.UnreadCount));
    }

    [Fact]
    public async Task ALastMessageDeleted_ShowsThePreviousOne()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("first"));
        var second = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("second"));

        await alice.Client.Messages.DeleteAsync(bob.Ref, second.Id);

        var entry = Assert.Single(await bob.Client.Chats.ListAsync());
        Assert.Equal(("first", 1), (entry.LastMessage?.Text, entry.UnreadCount));
    }

    [Fact]
    public async Task LastMessages_CarryTheirAttachments()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var carol = await host.SignUpAsync();
        var photo = await host.CreateMediaAsync(bob);
        var file = await host.CreateMediaAsync(carol, MediaKind.File);
        await bob.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest(Attachments: [photo]));
        await TickAsync();
        await carol.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("doc", [file]));

        var chats = await alice.Client.Chats.ListAsync();

        Assert.Equal([file, photo], chats.Select(c => c.LastMessage!.Attachments.Single().Media.Id));
        Assert.Equal([carol.Id, bob.Id], chats.Select(c => c.LastMessage!.Sender.Id));
    }
}
