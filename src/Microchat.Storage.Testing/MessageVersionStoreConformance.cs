using Microchat.Contracts;
using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>What every <see cref="IMessageVersionStore"/> must do: the message store keeps a version on every update.</summary>
public abstract partial class StoreConformance
{
    private static readonly ChatKey MessageVersionChat = ChatKey.Dialog(1, 2);

    private IMessageStore MessageVersionMessages => Store<IMessageStore>();

    private IMessageVersionStore MessageVersionVersions => Store<IMessageVersionStore>();

    [Fact]
    public async Task MessageVersionStore_EveryUpdate_KeepsWhatItReplaced_NewestFirst()
    {
        var sent = await MessageVersionMessages.AppendAsync(MessageVersionChat, new MessageRecord
        {
            SenderId = 1, Text = "one", SentAt = At(1), Attachments = [new AttachmentRecord(0, MediaKind.Photo, "m1")],
        }, Ct);
        var second = await MessageVersionMessages.UpdateAsync(MessageVersionChat, sent with { Text = "two", Attachments = [], EditedAt = At(2) }, Ct);
        await MessageVersionMessages.UpdateAsync(MessageVersionChat, second! with { Text = "three", EditedAt = At(3) }, Ct);

        var versions = await MessageVersionVersions.ListAsync(MessageVersionChat, sent.Id, 0, 10, Ct);

        Assert.Equal(2, versions.Count);
        Assert.Equal(("two", At(3)), (versions[0].Text, versions[0].EditedAt));
        Assert.Empty(versions[0].Attachments);
        Assert.Equal(("one", At(2)), (versions[1].Text, versions[1].EditedAt));
        Assert.Equal([new AttachmentRecord(1, MediaKind.Photo, "m1")], versions[1].Attachments);
        Assert.Equal("one", Assert.Single(await MessageVersionVersions.ListAsync(MessageVersionChat, sent.Id, 1, 5, Ct)).Text);
    }

    [Fact]
    public async Task MessageVersionStore_DeletingAMessageOrItsChat_TakesItsVersions()
    {
        var a = await MessageVersionMessages.AppendAsync(MessageVersionChat, new MessageRecord { SenderId = 1, Text = "a", SentAt = At(1) }, Ct);
        var b = await MessageVersionMessages.AppendAsync(MessageVersionChat, new MessageRecord { SenderId = 1, Text = "b", SentAt = At(1) }, Ct);
        await MessageVersionMessages.UpdateAsync(MessageVersionChat, a with { Text = "a2", EditedAt = At(2) }, Ct);
        await MessageVersionMessages.UpdateAsync(MessageVersionChat, b with { Text = "b2", EditedAt = At(2) }, Ct);

        await MessageVersionMessages.DeleteAsync(MessageVersionChat, a.Id, Ct);
        Assert.Empty(await MessageVersionVersions.ListAsync(MessageVersionChat, a.Id, 0, 10, Ct));
        Assert.Single(await MessageVersionVersions.ListAsync(MessageVersionChat, b.Id, 0, 10, Ct));

        await MessageVersionMessages.DeleteChatAsync(MessageVersionChat, Ct);
        var again = await MessageVersionMessages.AppendAsync(MessageVersionChat, new MessageRecord { SenderId = 1, Text = "new", SentAt = At(3) }, Ct);
        Assert.Empty(await MessageVersionVersions.ListAsync(MessageVersionChat, again.Id, 0, 10, Ct));
    }
}
