using Microchat.Contracts;
using Xunit;

namespace Microchat.Storage.Conformance;

/// <summary>What every <see cref="IMessageVersionStore"/> must do: the message store keeps a version on every update.</summary>
public abstract class MessageVersionStoreConformance : StoreConformance
{
    private static readonly ChatKey Chat = ChatKey.Dialog(1, 2);

    private IMessageStore Messages => Store<IMessageStore>();

    private IMessageVersionStore Versions => Store<IMessageVersionStore>();

    [Fact]
    public async Task EveryUpdate_KeepsWhatItReplaced_NewestFirst()
    {
        var sent = await Messages.AppendAsync(Chat, new MessageRecord
        {
            SenderId = 1, Text = "one", SentAt = At(1), Attachments = [new AttachmentRecord(0, MediaKind.Photo, "m1")],
        }, Ct);
        var second = await Messages.UpdateAsync(Chat, sent with { Text = "two", Attachments = [], EditedAt = At(2) }, Ct);
        await Messages.UpdateAsync(Chat, second! with { Text = "three", EditedAt = At(3) }, Ct);

        var versions = await Versions.ListAsync(Chat, sent.Id, 0, 10, Ct);

        Assert.Equal(2, versions.Count);
        Assert.Equal(("two", At(3)), (versions[0].Text, versions[0].EditedAt));
        Assert.Empty(versions[0].Attachments);
        Assert.Equal(("one", At(2)), (versions[1].Text, versions[1].EditedAt));
        Assert.Equal([new AttachmentRecord(1, MediaKind.Photo, "m1")], versions[1].Attachments);
        Assert.Equal("one", Assert.Single(await Versions.ListAsync(Chat, sent.Id, 1, 5, Ct)).Text);
    }

    [Fact]
    public async Task DeletingAMessageOrItsChat_TakesItsVersions()
    {
        var a = await Messages.AppendAsync(Chat, new MessageRecord { SenderId = 1, Text = "a", SentAt = At(1) }, Ct);
        var b = await Messages.AppendAsync(Chat, new MessageRecord { SenderId = 1, Text = "b", SentAt = At(1) }, Ct);
        await Messages.UpdateAsync(Chat, a with { Text = "a2", EditedAt = At(2) }, Ct);
        await Messages.UpdateAsync(Chat, b with { Text = "b2", EditedAt = At(2) }, Ct);

        await Messages.DeleteAsync(Chat, a.Id, Ct);
        Assert.Empty(await Versions.ListAsync(Chat, a.Id, 0, 10, Ct));
        Assert.Single(await Versions.ListAsync(Chat, b.Id, 0, 10, Ct));

        await Messages.DeleteChatAsync(Chat, Ct);
        var again = await Messages.AppendAsync(Chat, new MessageRecord { SenderId = 1, Text = "new", SentAt = At(3) }, Ct);
        Assert.Empty(await Versions.ListAsync(Chat, again.Id, 0, 10, Ct));
    }
}
