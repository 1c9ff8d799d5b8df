using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Messages;

public sealed class MessageEventTests
{
    [Fact]
    public async Task DialogEvents_GoToBothSides_EachSeeingTheOtherPartyAsChat()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var carol = await host.SignUpAsync();

        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("hi"));
        await alice.Client.Messages.EditAsync(bob.Ref, sent.Id, new EditMessageRequest("hi!"));
        await alice.Client.Messages.DeleteAsync(bob.Ref, sent.Id);

        foreach (var (side, other) in new[] { (alice, bob), (bob, alice) })
        {
            var created = Assert.Single(await host.EventDataAsync<MessageEventData>(side, EventNames.MessageCreated));
            var edited = Assert.Single(await host.EventDataAsync<MessageEventData>(side, EventNames.MessageEdited));
            var deleted = Assert.Single(await host.EventDataAsync<MessageIdEventData>(side, EventNames.MessageDeleted));
            Assert.Equal((other.Id, other.Id, "hi"), (created.Chat.Id, created.Message.Chat.Id, created.Message.Text));
            Assert.Equal((other.Id, "hi!"), (edited.Message.Chat.Id, edited.Message.Text));
            Assert.NotNull(edited.Message.EditedAt);
            Assert.Equal((other.Id, sent.Id), (deleted.Chat.Id, deleted.MessageId));
        }
        Assert.Empty(await host.EventsForAsync(carol));
    }

    [Fact]
    public async Task SavedMessages_RaiseOneEvent()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        await alice.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("note"));

        var created = Assert.Single(await host.EventDataAsync<MessageEventData>(alice, EventNames.MessageCreated));
        Assert.Equal(alice.Id, created.Chat.Id);
    }

    [Fact]
    public async Task ConferenceEvents_GoToCurrentMembers_NotToReadersOrFormerMembers()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var former = await host.SignUpAsync();
        var visitor = await host.SignUpAsync();
        var conference = await host.CreateAsync(owner);
        await host.AddMemberAsync(conference, member);
        await host.AddMemberAsync(conference, former);
        await host.RemoveMemberAsync(conference, former);

        var sent = await member.Client.Messages.SendAsync(conference, new SendMessageRequest("hello"));
        await visitor.Client.Messages.ListAsync(conference);

        foreach (var recipient in new[] { owner, member })
        {
            var created = Assert.Single(await host.EventDataAsync<MessageEventData>(recipient, EventNames.MessageCreated));
            Assert.Equal((conference, sent.Id), ("@" + created.Chat.Alias, created.Message.Id));
            Assert.Equal(created.Chat, created.Message.Chat);
        }
        Assert.Empty(await host.EventDataAsync<MessageEventData>(former, EventNames.MessageCreated));
        Assert.Empty(await host.EventsForAsync(visitor));
    }

    [Fact]
    public async Task GalleryDeletions_AreEditsOfTheMessage_OrItsDeletionWhenNothingIsLeft()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var photo = await host.CreateMediaAsync(alice);
        var withLink = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("https://a.example"));
        var onlyPhoto = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest(Attachments: [photo]));

        await alice.Client.Messages.DeleteGalleryItemAsync(bob.Ref, GalleryKind.Links, 1);
        await alice.Client.Messages.DeleteGalleryItemAsync(bob.Ref, GalleryKind.Photos, 2);

        var edited = Assert.Single(await host.EventDataAsync<MessageEventData>(bob, EventNames.MessageEdited));
        Assert.Equal((withLink.Id, "https://a.example", alice.Id), (edited.Message.Id, edited.Message.Text, edited.Chat.Id));
        var deleted = Assert.Single(await host.EventDataAsync<MessageIdEventData>(bob, EventNames.MessageDeleted));
        Assert.Equal(onlyPhoto.Id, deleted.MessageId);
    }

    [Fact]
    public async Task RefusedRequests_PublishNothing()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("hi"));
        var before = (await host.EventsForAsync(bob)).Count;

        await Assert.ThrowsAsync<Microchat.Client.MicrochatApiException>(() => alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest()));
        await Assert.ThrowsAsync<Microchat.Client.MicrochatApiException>(() => bob.Client.Messages.EditAsync(alice.Ref, sent.Id, new EditMessageRequest("x")));
        await Assert.ThrowsAsync<Microchat.Client.MicrochatApiException>(() => bob.Client.Messages.DeleteAsync(alice.Ref, sent.Id));

        Assert.Equal(before, (await host.EventsForAsync(bob)).Count);
    }
}
