using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Messages;

public sealed class GalleryTests
{
    [Fact]
    public async Task EachKind_HasItsOwnGallery_NewestFirst()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var kinds = new[] { MediaKind.Photo, MediaKind.Video, MediaKind.File, MediaKind.Audio, MediaKind.Animation };
        var media = new Dictionary<MediaKind, string>();
        foreach (var kind in kinds) media[kind] = await host.CreateMediaAsync(alice, kind);
        var secondPhoto = await host.CreateMediaAsync(bob);

        var first = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("all kinds", kinds.Select(k => media[k]).ToList()));
        var second = await bob.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest(Attachments: [secondPhoto]));

        var photos = await alice.Client.Messages.ListGalleryAsync(bob.Ref, GalleryKind.Photos);
        Assert.Equal([(6L, second.Id, bob.Id, secondPhoto), (1L, first.Id, alice.Id, media[MediaKind.Photo])],
            photos.Select(p => (p.Id, p.MessageId, p.Sender.Id, p.Media!.Id)));
        Assert.All(photos, p => Assert.Null(p.Url));
        Assert.Equal(second.SentAt, photos[0].SentAt);
        foreach (var (kind, gallery) in new[] { (MediaKind.Video, GalleryKind.Videos), (MediaKind.File, GalleryKind.Files),
                     (MediaKind.Audio, GalleryKind.Audios), (MediaKind.Animation, GalleryKind.Animations) })
        {
            var items = await bob.Client.Messages.ListGalleryAsync(alice.Ref, gallery);
            Assert.Equal(media[kind], items.Single().Media?.Id);
            Assert.Equal(kind, items.Single().Media?.Kind);
        }
        Assert.Empty(await alice.Client.Messages.ListGalleryAsync(bob.Ref, GalleryKind.Links));
        Assert.Equal([1L], (await alice.Client.Messages.ListGalleryAsync(bob.Ref, GalleryKind.Photos, offset: 1, count: 1)).Select(p => p.Id));
    }

    [Fact]
    public async Task Links_AreEveryHttpUrlInTheText_WithoutSurroundingPunctuation()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        const string text = "See https://example.com/a?b=1&c=2. Also (http://example.org/x), "
            + "https://en.wikipedia.org/wiki/Rust_(language)! and <https://docs.example/page#frag>; "
            + "HTTPS://UPPER.example: [md](https://md.example/path) \"https://quoted.example\" "
            + "again https://example.com/a?b=1&c=2 but not ftp://x.example, mailto:a@b.c, https:// or xhttps://evil.example";

        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest(text));
        var links = await bob.Client.Messages.ListGalleryAsync(alice.Ref, GalleryKind.Links, count: 100);

        Assert.Equal(
        [
            "https://quoted.example",
            "https://md.example/path",
            "HTTPS://UPPER.example",
            "https://docs.example/page#frag",
            "https://en.wikipedia.org/wiki/Rust_(language)",
            "http://example.org/x",
            "https://example.com/a?b=1&c=2",
        ], links.Select(l => l.Url));
        Assert.All(links, l => Assert.Null(l.Media));
        Assert.Equal(text, (await alice.Client.Messages.GetAsync(bob.Ref, 1)).Text);
    }

    [Fact]
    public async Task GetItem_ReturnsOne_AndAnItemOfAnotherKindOrMissing_Is404()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var photo = await host.CreateMediaAsync(alice);
        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("https://x.example", [photo]));

        var item = await bob.Client.Messages.GetGalleryItemAsync(alice.Ref, GalleryKind.Photos, 1);
        var link = await bob.Client.Messages.GetGalleryItemAsync(alice.Ref, GalleryKind.Links, 2);

        Assert.Equal((1L, photo, alice.Id), (item.MessageId, item.Media?.Id, item.Sender.Id));
        Assert.Equal("https://x.example", link.Url);
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Messages.GetGalleryItemAsync(alice.Ref, GalleryKind.Videos, 1));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Messages.GetGalleryItemAsync(alice.Ref, GalleryKind.Photos, 2));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Messages.GetGalleryItemAsync(alice.Ref, GalleryKind.Photos, 99));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Messages.GetGalleryItemAsync(alice.Ref, GalleryKind.Photos, 1));
    }

    [Fact]
    public async Task Routing_TellsGalleriesFromMessageIds()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("https://x.example"));
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", alice.Client.Token);

        using var gallery = await http.GetAsync($"chats/{bob.Ref}/messages/links");
        using var message = await http.GetAsync($"chats/{bob.Ref}/messages/1");
        using var notAnId = await http.GetAsync($"chats/{bob.Ref}/messages/abc");
        using var notAKind = await http.GetAsync($"chats/{bob.Ref}/messages/abc/1");
        using var badItemId = await http.GetAsync($"chats/{bob.Ref}/messages/photos/abc");

        Assert.Equal(HttpStatusCode.OK, gallery.StatusCode);
        Assert.StartsWith("[", await gallery.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAnId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAKind.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badItemId.StatusCode);
    }

    [Fact]
    public async Task Gallery_WithAnOutOfRangePage_Is400()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Messages.ListGalleryAsync(bob.Ref, GalleryKind.Files, offset: -1), "offset");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Messages.ListGalleryAsync(bob.Ref, GalleryKind.Files, count: 0), "count");
    }

    [Fact]
    public async Task DeletingAnAttachment_RemovesItFromTheMessage_AndTheGallery()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var (a, b) = (await host.CreateMediaAsync(alice), await host.CreateMediaAsync(alice));
        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest(Attachments: [a, b]));

        await alice.Client.Messages.DeleteGalleryItemAsync(bob.Ref, GalleryKind.Photos, 1);

        Assert.Equal([b], (await bob.Client.Messages.GetAsync(alice.Ref, sent.Id)).Attachments.Select(x => x.Media.Id));
        Assert.Equal([2L], (await bob.Client.Messages.ListGalleryAsync(alice.Ref, GalleryKind.Photos)).Select(p => p.Id));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Messages.DeleteGalleryItemAsync(bob.Ref, GalleryKind.Photos, 1));
    }

    [Fact]
    public async Task DeletingTheOnlyAttachmentOfAMessageWithoutText_DeletesTheMessage()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var photo = await host.CreateMediaAsync(alice);
        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest(Attachments: [photo]));

        await alice.Client.Messages.DeleteGalleryItemAsync(bob.Ref, GalleryKind.Photos, 1);

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Messages.GetAsync(alice.Ref, sent.Id));
        Assert.Empty(await bob.Client.Messages.ListGalleryAsync(alice.Ref, GalleryKind.Photos));
    }

    [Fact]
    public async Task DeletingALink_LeavesTheMessageText()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("https://a.example https://b.example"));

        await alice.Client.Messages.DeleteGalleryItemAsync(bob.Ref, GalleryKind.Links, 1);

        Assert.Equal("https://a.example https://b.example", (await bob.Client.Messages.GetAsync(alice.Ref, sent.Id)).Text);
        Assert.Equal(["https://b.example"], (await bob.Client.Messages.ListGalleryAsync(alice.Ref, GalleryKind.Links)).Select(l => l.Url));
    }

    [Fact]
    public async Task DeletingAnItem_ByTheOtherSideOfADialog_Is403()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("https://a.example"));

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bob.Client.Messages.DeleteGalleryItemAsync(alice.Ref, GalleryKind.Links, 1));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Messages.DeleteGalleryItemAsync(alice.Ref, GalleryKind.Links, 1));
        Assert.Single(await bob.Client.Messages.ListGalleryAsync(alice.Ref, GalleryKind.Links));
    }

    [Fact]
    public async Task DeleteHolders_MayDeleteOthersItems_InAConference()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var moderator = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var conference = await host.CreateAsync(owner);
        await host.AddMemberAsync(conference, moderator, Permissions.Participant with { Delete = true });
        await host.AddMemberAsync(conference, member);
        var photo = await host.CreateMediaAsync(member);
        await member.Client.Messages.SendAsync(conference, new SendMessageRequest("pic https://a.example", [photo]));

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => owner.Client.Messages.DeleteGalleryItemAsync(conference, GalleryKind.Photos, 99));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => owner.Client.Messages.EditAsync(conference, 1, new EditMessageRequest("x")));
        await moderator.Client.Messages.DeleteGalleryItemAsync(conference, GalleryKind.Photos, 1);
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            async () => await (await host.SignUpAsync()).Client.Messages.DeleteGalleryItemAsync(conference, GalleryKind.Links, 2));

        var message = await member.Client.Messages.GetAsync(conference, 1);
        Assert.Empty(message.Attachments);
        Assert.Equal("pic https://a.example", message.Text);
    }
}
