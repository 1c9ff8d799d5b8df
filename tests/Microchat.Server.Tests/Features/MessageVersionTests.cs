using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Server.Tests.Messages;
using Xunit;
using TestConferences = Microchat.Server.Tests.Messages.TestConferences;

namespace Microchat.Server.Tests.Features;

public sealed class MessageVersionTests
{
    [Fact]
    public async Task EveryEdit_KeepsWhatTheMessageWasUntilThen_NewestFirst()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var photo = await host.CreateMediaAsync(alice);
        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("first", [photo]));

        var second = await alice.Client.Messages.EditAsync(bob.Ref, sent.Id, new EditMessageRequest("second", []));
        var third = await alice.Client.Messages.EditAsync(bob.Ref, sent.Id, new EditMessageRequest("third"));

        var versions = await bob.Client.Messages.ListVersionsAsync(alice.Ref, sent.Id);
        Assert.Equal(2, versions.Count);
        Assert.Equal(("second", third.EditedAt!.Value), (versions[0].Text, versions[0].EditedAt));
        Assert.Empty(versions[0].Attachments);
        Assert.Equal(("first", second.EditedAt!.Value), (versions[1].Text, versions[1].EditedAt));
        Assert.Equal(photo, Assert.Single(versions[1].Attachments).Media.Id);
        Assert.Equal("first", Assert.Single(await alice.Client.Messages.ListVersionsAsync(bob.Ref, sent.Id, offset: 1)).Text);
        Assert.Empty(await alice.Client.Messages.ListVersionsAsync(bob.Ref,
            (await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("never edited"))).Id));
    }

    [Fact]
    public async Task Versions_AreReadableByExactlyTheMessagesReaders_AndGoWithTheMessage()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var outsider = await host.SignUpAsync();
        var secret = await host.CreateAsync(owner, isPrivate: true);
        var early = await owner.Client.Messages.SendAsync(secret, new SendMessageRequest("draft"));
        await owner.Client.Messages.EditAsync(secret, early.Id, new EditMessageRequest("final"));
        await host.AddMemberAsync(secret, member);
        var later = await owner.Client.Messages.SendAsync(secret, new SendMessageRequest("v1"));
        await owner.Client.Messages.EditAsync(secret, later.Id, new EditMessageRequest("v2"));

        Assert.Equal("draft", Assert.Single(await owner.Client.Messages.ListVersionsAsync(secret, early.Id)).Text);
        Assert.Equal("v1", Assert.Single(await member.Client.Messages.ListVersionsAsync(secret, later.Id)).Text);
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => member.Client.Messages.ListVersionsAsync(secret, early.Id));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => outsider.Client.Messages.ListVersionsAsync(secret, later.Id));
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => owner.Client.Messages.ListVersionsAsync(secret, later.Id, count: 101), "count");

        await owner.Client.Messages.DeleteAsync(secret, later.Id);
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => member.Client.Messages.ListVersionsAsync(secret, later.Id));
    }
}
