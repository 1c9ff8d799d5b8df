using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Messages;

public sealed class ConferenceMessageTests
{
    [Fact]
    public async Task Members_SendAndRead_AndTheChatIsTheConference()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var conference = await host.CreateAsync(owner);
        await host.AddMemberAsync(conference, member);

        var sent = await member.Client.Messages.SendAsync(conference, new SendMessageRequest("hi all"));
        var seen = await owner.Client.Messages.ListAsync(conference);

        Assert.Equal(EntityType.Conference, sent.Chat.Type);
        Assert.Equal(conference, "@" + sent.Chat.Alias);
        Assert.Equal((sent.Id, member.Id), (seen.Single().Id, seen.Single().Sender.Id));
    }

    [Fact]
    public async Task APrivateConference_Is404_ToAStranger_ForEveryMessageEndpoint()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var conference = await host.CreateAsync(owner, isPrivate: true);
        var sent = await owner.Client.Messages.SendAsync(conference, new SendMessageRequest("secret https://x.example"));
        var messages = stranger.Client.Messages;

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => messages.ListAsync(conference));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => messages.GetAsync(conference, sent.Id));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => messages.SendAsync(conference, new SendMessageRequest("let me in")));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => messages.EditAsync(conference, sent.Id, new EditMessageRequest("x")));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => messages.DeleteAsync(conference, sent.Id));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => messages.ListGalleryAsync(conference, GalleryKind.Links));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => messages.GetGalleryItemAsync(conference, GalleryKind.Links, 1));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => messages.DeleteGalleryItemAsync(conference, GalleryKind.Links, 1));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => stranger.Client.Chats.MarkReadAsync(conference, sent.Id));
        Assert.Single(await owner.Client.Messages.ListAsync(conference));
    }

    [Fact]
    public async Task APublicConference_CanBeReadByANonMember_ButNotWrittenTo()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var visitor = await host.SignUpAsync();
        var conference = await host.CreateAsync(owner);
        var sent = await owner.Client.Messages.SendAsync(conference, new SendMessageRequest("welcome https://x.example"));
        var messages = visitor.Client.Messages;

        Assert.Equal([sent.Id], (await messages.ListAsync(conference)).Select(m => m.Id));
        Assert.Equal("welcome https://x.example", (await messages.GetAsync(conference, sent.Id)).Text);
        Assert.Equal(["https://x.example"], (await messages.ListGalleryAsync(conference, GalleryKind.Links)).Select(l => l.Url));
        Assert.Equal("https://x.example", (await messages.GetGalleryItemAsync(conference, GalleryKind.Links, 1)).Url);

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => messages.SendAsync(conference, new SendMessageRequest("hi")));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => messages.EditAsync(conference, sent.Id, new EditMessageRequest("x")));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => messages.DeleteAsync(conference, sent.Id));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => messages.DeleteGalleryItemAsync(conference, GalleryKind.Links, 1));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => visitor.Client.Chats.MarkReadAsync(conference, sent.Id));
        Assert.Equal("welcome https://x.example", (await owner.Client.Messages.GetAsync(conference, sent.Id)).Text);
    }

    [Fact]
    public async Task AnAuthorWhoLeftAPublicConference_MayNoLongerEditOrDeleteTheirMessages()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var conference = await host.CreateAsync(owner);
        await host.AddMemberAsync(conference, member);
        var sent = await member.Client.Messages.SendAsync(conference, new SendMessageRequest("bye"));
        await host.RemoveMemberAsync(conference, member);

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => member.Client.Messages.EditAsync(conference, sent.Id, new EditMessageRequest("x")));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => member.Client.Messages.DeleteAsync(conference, sent.Id));
        Assert.Equal("bye", (await member.Client.Messages.GetAsync(conference, sent.Id)).Text);
    }

    [Fact]
    public async Task DeleteHolders_MayDeleteOthersMessages_OtherMembersMayNot()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var moderator = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var conference = await host.CreateAsync(owner);
        await host.AddMemberAsync(conference, moderator, Permissions.Participant with { Delete = true });
        await host.AddMemberAsync(conference, member);
        var first = await member.Client.Messages.SendAsync(conference, new SendMessageRequest("spam"));
        var second = await moderator.Client.Messages.SendAsync(conference, new SendMessageRequest("stop"));
        var third = await member.Client.Messages.SendAsync(conference, new SendMessageRequest("more spam"));

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => member.Client.Messages.DeleteAsync(conference, second.Id));
        await moderator.Client.Messages.DeleteAsync(conference, first.Id);
        await owner.Client.Messages.DeleteAsync(conference, third.Id);
        // Deleting is not editing: the delete holder still may not change another's words.
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => owner.Client.Messages.EditAsync(conference, second.Id, new EditMessageRequest("x")));

        Assert.Equal([second.Id], (await member.Client.Messages.ListAsync(conference)).Select(m => m.Id));
    }

    [Fact]
    public async Task AMemberWithoutSendOrSendMedia_IsRefusedWith403()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var muted = await host.SignUpAsync();
        var textOnly = await host.SignUpAsync();
        var conference = await host.CreateAsync(owner);
        await host.AddMemberAsync(conference, muted, Permissions.ReadOnly);
        await host.AddMemberAsync(conference, textOnly, Permissions.Participant with { SendMedia = false });
        var photo = await host.CreateMediaAsync(textOnly);
        var own = await textOnly.Client.Messages.SendAsync(conference, new SendMessageRequest("text is fine"));

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => muted.Client.Messages.SendAsync(conference, new SendMessageRequest("hi")));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => textOnly.Client.Messages.SendAsync(conference, new SendMessageRequest("look", [photo])));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => textOnly.Client.Messages.EditAsync(conference, own.Id, new EditMessageRequest(Attachments: [photo])));
        Assert.Equal([own.Id], (await muted.Client.Messages.ListAsync(conference)).Select(m => m.Id));
    }

    [Fact]
    public async Task APrivateConferenceMember_ReadsOnlyTheirJoinToLeaveSpans()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var conference = await host.CreateAsync(owner, isPrivate: true);
        async Task<long> SayAsync(string text) => (await owner.Client.Messages.SendAsync(conference, new SendMessageRequest(text))).Id;

        await SayAsync("before 1");                      // 1
        await host.AddMemberAsync(conference, member);
        await SayAsync("during 2 https://a.example");    // 2
        await SayAsync("during 3");                      // 3
        await host.RemoveMemberAsync(conference, member);
        await SayAsync("away 4 https://b.example");      // 4
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => member.Client.Messages.ListAsync(conference));
        await host.AddMemberAsync(conference, member);
        await SayAsync("back 5");                        // 5

        var readable = await member.Client.Messages.ListAsync(conference);
        var paged = await member.Client.Messages.ListAsync(conference, offset: 1, count: 1);
        var before = await member.Client.Messages.ListAsync(conference, before: 5);

        Assert.Equal([5L, 3L, 2L], readable.Select(m => m.Id));
        Assert.Equal([3L], paged.Select(m => m.Id));
        Assert.Equal([3L, 2L], before.Select(m => m.Id));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => member.Client.Messages.GetAsync(conference, 1));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => member.Client.Messages.GetAsync(conference, 4));
        Assert.Equal(["https://a.example"], (await member.Client.Messages.ListGalleryAsync(conference, GalleryKind.Links)).Select(l => l.Url));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => member.Client.Messages.GetGalleryItemAsync(conference, GalleryKind.Links, 2));
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest,
            () => member.Client.Messages.SendAsync(conference, new SendMessageRequest("re", ReplyTo: 4)), "reply_to");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => member.Client.Chats.MarkReadAsync(conference, 4), "message_id");
        Assert.Equal(5, (await owner.Client.Messages.ListAsync(conference)).Count);
    }

    [Fact]
    public async Task APublicConferenceMember_ReadsTheWholeHistory()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var conference = await host.CreateAsync(owner);
        await owner.Client.Messages.SendAsync(conference, new SendMessageRequest("old"));
        await host.AddMemberAsync(conference, member);
        await owner.Client.Messages.SendAsync(conference, new SendMessageRequest("new"));

        Assert.Equal([2L, 1L], (await member.Client.Messages.ListAsync(conference)).Select(m => m.Id));
    }
}
