using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Server.Tests.Media;
using Microchat.Storage;
using Xunit;

namespace Microchat.Server.Tests.Chats;

/// <summary>
/// Entities and their summaries are served from memory once read, and every change the domain makes
/// (a profile, an avatar, a deletion) is visible in the very next request.
/// </summary>
public sealed class EntityCacheTests
{
    private static async Task<string> PhotoAsync(SignedIn user) =>
        (await user.Client.Media.UploadAsync(new MemoryStream(TestFiles.Png), "image/png", "me.png")).Id;

    [Fact]
    public async Task AChatReadOnce_IsServedFromMemory_UntilTheDomainChangesIt()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync(name: "Alice");
        var bob = await host.SignUpAsync();
        await bob.Client.Chats.GetAsync(alice.Ref);

        // Behind the domain's back: the store changes, the cache does not know.
        var store = host.Service<IEntityStore>();
        var record = await store.FindAsync(alice.Id, CancellationToken.None);
        await store.UpdateAsync(record! with { Name = "Behind the back" }, CancellationToken.None);
        var cached = await bob.Client.Chats.GetAsync(alice.Ref);
        // Through the domain: the change is announced, and the next read sees the store.
        await alice.Client.Chats.UpdateAsync(alice.Ref, new UpdateChatRequest(Bio: "new bio"));
        var fresh = await bob.Client.Chats.GetAsync(alice.Ref);

        Assert.Equal("Alice", cached.Name);
        Assert.Equal(("Behind the back", "new bio"), (fresh.Name, fresh.Bio));
    }

    [Fact]
    public async Task ARenamedSender_IsShownByItsNewName_InTheVeryNextMessage()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync(name: "Alice");
        var bob = await host.SignUpAsync();
        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("before"));
        await bob.Client.Messages.ListAsync(alice.Ref);

        await alice.Client.Chats.UpdateAsync(alice.Ref, new UpdateChatRequest(Name: "Alicia", Surname: "Liddell"));
        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("after"));
        var listed = await bob.Client.Messages.ListAsync(alice.Ref);

        Assert.Equal("Alicia Liddell", sent.Sender.Title);
        Assert.All(listed, m => Assert.Equal("Alicia Liddell", m.Sender.Title));
        Assert.Equal("Alicia Liddell", listed.Single(m => m.Text == "before").Chat.Title);
    }

    [Fact]
    public async Task ANewAvatar_AndItsRemoval_ShowInTheVeryNextMessage()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync(name: "Alice");
        var bob = await host.SignUpAsync();
        var conference = await alice.CreateConferenceAsync();
        await alice.Client.Messages.SendAsync(conference, new SendMessageRequest("no avatar yet"));
        await bob.Client.Messages.ListAsync(alice.Ref);

        var avatar = await alice.Client.Avatars.SetAsync(alice.Ref, await PhotoAsync(alice));
        var withAvatar = await alice.Client.Messages.SendAsync(conference, new SendMessageRequest("with"));
        var conferenceAvatar = await alice.Client.Avatars.SetAsync(conference, await PhotoAsync(alice));
        var inConference = await alice.Client.Messages.SendAsync(conference, new SendMessageRequest("conference avatar"));
        await alice.Client.Avatars.DeleteAsync(alice.Ref, avatar.Id);
        var without = await alice.Client.Messages.SendAsync(conference, new SendMessageRequest("without"));

        Assert.Equal(avatar.Media.Id, withAvatar.Sender.Avatar?.Id);
        Assert.Equal(conferenceAvatar.Media.Id, inConference.Chat.Avatar?.Id);
        Assert.Null(without.Sender.Avatar);
        Assert.Null((await bob.Client.Chats.GetAsync(alice.Ref)).Avatar);
    }

    [Fact]
    public async Task ADeletedUsersAlias_StopsResolving_AndItsNextOwnerGetsIt()
    {
        await using var host = new MicrochatHost();
        var bob = await host.SignUpAsync();
        var alias = TestUsers.UniqueAlias("carol");
        var carol = await host.SignUpAsync(alias, name: "Carol");
        await bob.Client.Chats.GetAsync(carol.Ref);
        await bob.Client.Chats.GetAsync(carol.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await carol.Client.Chats.DeleteAsync(carol.Ref);
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Chats.GetAsync(carol.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound,
            () => bob.Client.Chats.GetAsync(carol.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var next = await host.SignUpAsync(alias, name: "Second Carol");

        var resolved = await bob.Client.Chats.GetAsync("@" + alias);
        Assert.Equal((next.Id, "Second Carol"), (resolved.Id, resolved.Name));
        Assert.NotEqual(carol.Id, next.Id);
    }

    [Fact]
    public async Task ADeletedConference_IsGone_ForThoseWhoHadItInMemory()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var conference = await alice.CreateConferenceAsync();
        await bob.Client.Chats.GetAsync(conference);

        await alice.Client.Chats.DeleteAsync(conference);

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Chats.GetAsync(conference));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Messages.SendAsync(conference, new SendMessageRequest("hello?")));
    }
}
