using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Messages;

public sealed class EditDeleteMessageTests
{
    [Fact]
    public async Task Edit_ChangesTheText_SetsEditedAt_AndBothSidesSeeIt()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("helo"));

        var edited = await alice.Client.Messages.EditAsync(bob.Ref, sent.Id, new EditMessageRequest("hello"));
        var seenByBob = await bob.Client.Messages.GetAsync(alice.Ref, sent.Id);

        Assert.Equal("hello", edited.Text);
        Assert.NotNull(edited.EditedAt);
        Assert.True(edited.EditedAt >= sent.SentAt);
        Assert.Equal(sent.SentAt, edited.SentAt);
        Assert.Equal(("hello", edited.EditedAt), (seenByBob.Text, seenByBob.EditedAt));
    }

    [Fact]
    public async Task Edit_OfAttachments_KeepsIdsOfMediaThatStay_AndNumbersNewOnes()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var (a, b, c) = (await host.CreateMediaAsync(alice), await host.CreateMediaAsync(alice, MediaKind.Video), await host.CreateMediaAsync(alice));
        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("album", [a, b]));

        var edited = await alice.Client.Messages.EditAsync(bob.Ref, sent.Id, new EditMessageRequest(Attachments: [b, c]));

        Assert.Equal("album", edited.Text);
        Assert.Equal([(2L, b), (3L, c)], edited.Attachments.Select(x => (x.Id, x.Media.Id)));
        Assert.Equal([3L], (await bob.Client.Messages.ListGalleryAsync(alice.Ref, GalleryKind.Photos)).Select(p => p.Id));
        Assert.Equal([2L], (await bob.Client.Messages.ListGalleryAsync(alice.Ref, GalleryKind.Videos)).Select(p => p.Id));
    }

    [Fact]
    public async Task Edit_CanDropTheText_WhenAnAttachmentStays_OrDropAttachments_WhenTextStays()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var photo = await host.CreateMediaAsync(alice);
        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("caption", [photo]));

        var noText = await alice.Client.Messages.EditAsync(bob.Ref, sent.Id, new EditMessageRequest(""));
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest,
            () => alice.Client.Messages.EditAsync(bob.Ref, sent.Id, new EditMessageRequest(Attachments: [])), "text");
        var withText = await alice.Client.Messages.EditAsync(bob.Ref, sent.Id, new EditMessageRequest("back", []));

        Assert.Null(noText.Text);
        Assert.Single(noText.Attachments);
        Assert.Equal("back", withText.Text);
        Assert.Empty(withText.Attachments);
    }

    public static TheoryData<string, string> InvalidEdits => new()
    {
        { "nothing to change", "text" },
        { "too long", "text" },
        { "unknown media", "attachments" },
        { "eleven attachments", "attachments" },
        { "empty result", "text" },
    };

    [Theory]
    [MemberData(nameof(InvalidEdits))]
    public async Task Edit_IsRefusedWith400_AndChangesNothing(string @case, string field)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("original"));
        var eleven = new List<string>();
        for (var i = 0; i < 11; i++) eleven.Add(await host.CreateMediaAsync(alice));

        var request = @case switch
        {
            "nothing to change" => new EditMessageRequest(),
            "too long" => new EditMessageRequest(new string('x', 4097)),
            "unknown media" => new EditMessageRequest(Attachments: ["missing"]),
            "eleven attachments" => new EditMessageRequest(Attachments: eleven),
            _ => new EditMessageRequest("   "),
        };
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Messages.EditAsync(bob.Ref, sent.Id, request), field);

        var after = await bob.Client.Messages.GetAsync(alice.Ref, sent.Id);
        Assert.Equal("original", after.Text);
        Assert.Null(after.EditedAt);
        Assert.Empty(after.Attachments);
    }

    [Fact]
    public async Task Edit_ByTheOtherParticipant_Is403_AndOfAMissingMessage_Is404()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var carol = await host.SignUpAsync();
        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("mine"));

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bob.Client.Messages.EditAsync(alice.Ref, sent.Id, new EditMessageRequest("yours")));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Messages.EditAsync(bob.Ref, 99, new EditMessageRequest("x")));
        // Carol's dialog with Alice has no message 1: she cannot reach Alice's dialog with Bob.
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => carol.Client.Messages.EditAsync(alice.Ref, sent.Id, new EditMessageRequest("x")));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Messages.EditAsync(alice.Ref, sent.Id, new EditMessageRequest("x")));
        Assert.Equal("mine", (await alice.Client.Messages.GetAsync(bob.Ref, sent.Id)).Text);
    }

    [Fact]
    public async Task Delete_ByTheAuthor_RemovesItForBothSides_AndTheIdIsNotReused()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var first = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("oops"));
        await bob.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("?"));

        await alice.Client.Messages.DeleteAsync(bob.Ref, first.Id);
        var next = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("again"));

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Messages.GetAsync(alice.Ref, first.Id));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Messages.DeleteAsync(bob.Ref, first.Id));
        Assert.Equal([3L, 2L], (await bob.Client.Messages.ListAsync(alice.Ref)).Select(m => m.Id));
        Assert.Equal(3, next.Id);
    }

    [Fact]
    public async Task Delete_ByTheOtherSideOfADialog_Is403()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("mine"));

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bob.Client.Messages.DeleteAsync(alice.Ref, sent.Id));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Messages.DeleteAsync(alice.Ref, sent.Id));

        Assert.Equal("mine", (await bob.Client.Messages.GetAsync(alice.Ref, sent.Id)).Text);
    }
}
