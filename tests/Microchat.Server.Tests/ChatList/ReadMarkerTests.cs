using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Server.Tests.Messages;
using Xunit;

namespace Microchat.Server.Tests.ChatList;

public sealed class ReadMarkerTests
{
    private static async Task<int> UnreadAsync(SignedIn reader, long chatId) =>
        (await reader.Client.Chats.ListAsync()).Single(c => c.Chat.Id == chatId).UnreadCount;

    [Fact]
    public async Task MarkRead_LowersTheUnreadCount_AndOnlyMovesForward()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        for (var i = 1; i <= 5; i++) await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest($"m{i}"));
        Assert.Equal(5, await UnreadAsync(bob, alice.Id));

        await bob.Client.Chats.MarkReadAsync(alice.Ref, 3);
        Assert.Equal(2, await UnreadAsync(bob, alice.Id));

        await bob.Client.Chats.MarkReadAsync(alice.Ref, 1);
        Assert.Equal(2, await UnreadAsync(bob, alice.Id));

        await bob.Client.Chats.MarkReadAsync(alice.Ref, 5);
        Assert.Equal(0, await UnreadAsync(bob, alice.Id));
        // Alice's own reading is hers alone.
        Assert.Equal(0, await UnreadAsync(alice, bob.Id));
    }

    [Fact]
    public async Task UnreadCount_LeavesOutTheReadersOwnMessages()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("1"));
        await bob.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("2"));
        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("3"));
        await bob.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("4"));

        await bob.Client.Chats.MarkReadAsync(alice.Ref, 1);

        Assert.Equal(1, await UnreadAsync(bob, alice.Id));
        Assert.Equal(2, await UnreadAsync(alice, bob.Id));
    }

    [Fact]
    public async Task MarkRead_OfAMessageThatIsNotThere_Is400_AndChangesNothing()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("1"));
        var deleted = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("2"));
        await alice.Client.Messages.DeleteAsync(bob.Ref, deleted.Id);

        foreach (var id in new[] { 0L, -1L, 3L, deleted.Id, (1L << 32) | 1 })
            await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => bob.Client.Chats.MarkReadAsync(alice.Ref, id), "message_id");

        Assert.Equal(1, await UnreadAsync(bob, alice.Id));
        Assert.Empty(await host.EventDataAsync<MessageIdEventData>(bob, EventNames.Read));
    }

    [Fact]
    public async Task MarkRead_IsRefused_ToAnonymousCallers_Strangers_AndNonMembers()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var visitor = await host.SignUpAsync();
        var open = await host.CreateAsync(owner);
        var closed = await host.CreateAsync(owner, isPrivate: true);
        await owner.Client.Messages.SendAsync(open, new SendMessageRequest("hi"));
        await owner.Client.Messages.SendAsync(closed, new SendMessageRequest("hi"));

        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Chats.MarkReadAsync(open, 1));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => visitor.Client.Chats.MarkReadAsync(open, 1));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => visitor.Client.Chats.MarkReadAsync(closed, 1));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => visitor.Client.Chats.MarkReadAsync("@no_such_chat", 1));
    }

    [Fact]
    public async Task MarkRead_WithoutABody_Is400()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("1"));
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", bob.Client.Token);

        using var noBody = await http.PostAsync($"chats/{alice.Ref}/read", null);
        using var emptyObject = await http.PostAsync($"chats/{alice.Ref}/read",
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var wrongType = await http.PostAsync($"chats/{alice.Ref}/read",
            new StringContent("{\"message_id\":\"one\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, emptyObject.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
    }

    [Fact]
    public async Task MarkRead_TellsOnlyTheReader_WithTheChatAsTheReaderAddressesIt()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("1"));
        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("2"));

        await bob.Client.Chats.MarkReadAsync(alice.Ref, 2);
        await bob.Client.Chats.MarkReadAsync(alice.Ref, 1);   // behind the marker: nothing moves, nothing is told

        var read = Assert.Single(await host.EventDataAsync<MessageIdEventData>(bob, EventNames.Read));
        Assert.Equal((alice.Id, 2L), (read.Chat.Id, read.MessageId));
        Assert.Empty(await host.EventDataAsync<MessageIdEventData>(alice, EventNames.Read));
    }

    [Fact]
    public async Task AConferenceMember_MarksReadWithinTheirSpans()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var alice = await host.SignUpAsync();
        var conference = await host.CreateAsync(owner, isPrivate: true);
        await host.AddMemberAsync(conference, alice);
        for (var i = 1; i <= 3; i++) await owner.Client.Messages.SendAsync(conference, new SendMessageRequest($"m{i}"));
        var chatId = (await alice.Client.Messages.GetAsync(conference, 1)).Chat.Id;

        await alice.Client.Chats.MarkReadAsync(conference, 2);

        Assert.Equal(1, await UnreadAsync(alice, chatId));
        var read = Assert.Single(await host.EventDataAsync<MessageIdEventData>(alice, EventNames.Read));
        Assert.Equal(chatId, read.Chat.Id);
        Assert.Empty(await host.EventDataAsync<MessageIdEventData>(owner, EventNames.Read));
    }
}
