using Microchat.Contracts;
using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>What every <see cref="IMessageStore"/> must do.</summary>
public abstract partial class StoreConformance
{
    private static readonly ChatKey MessageDialog = ChatKey.Dialog(2, 1);
    private static readonly ChatKey MessageConference = ChatKey.Conference(9);

    private IMessageStore MessageMessages => Store<IMessageStore>();

    private static MessageRecord MessageText(string text, long sender = 1, int second = 1) => new() { SenderId = sender, Text = text, SentAt = At(second) };

    private async Task<List<MessageRecord>> MessageAppendManyAsync(ChatKey chat, int count)
    {
        var sent = new List<MessageRecord>();
        for (var i = 1; i <= count; i++) sent.Add(await MessageMessages.AppendAsync(chat, MessageText($"m{i}"), Ct));
        return sent;
    }

    [Fact]
    public async Task MessageStore_Append_NumbersEachChat_From1_AndBothSidesOfADialogShareIt()
    {
        var first = await MessageMessages.AppendAsync(ChatKey.Dialog(1, 2), MessageText("a"), Ct);
        var second = await MessageMessages.AppendAsync(ChatKey.Dialog(2, 1), MessageText("b", sender: 2), Ct);
        var elsewhere = await MessageMessages.AppendAsync(MessageConference, MessageText("c"), Ct);

        Assert.Equal(1, first.Id);
        Assert.Equal(2, second.Id);
        Assert.Equal(1, elsewhere.Id);
        Assert.Equal(2, await MessageMessages.GetLastIdAsync(MessageDialog, Ct));
    }

    [Fact]
    public async Task MessageStore_ConcurrentAppends_GetGaplessDistinctIds()
    {
        var sent = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
            await MessageMessages.AppendAsync(MessageConference, MessageText($"m{i}"), Ct))));

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), sent.Select(m => m.Id).Order());
    }

    [Fact]
    public async Task MessageStore_Append_NumbersAttachmentsAndLinks_AcrossTheChat_AndRoundTrips()
    {
        var first = await MessageMessages.AppendAsync(MessageConference, new MessageRecord
        {
            SenderId = 1, Text = "see https://a.example", SentAt = At(1), ReplyTo = null,
            Attachments = [new AttachmentRecord(0, MediaKind.Photo, "p1"), new AttachmentRecord(0, MediaKind.File, "f1")],
            Links = [new LinkRecord(0, "https://a.example")],
        }, Ct);
        var second = await MessageMessages.AppendAsync(MessageConference, new MessageRecord
        {
            SenderId = 2, SentAt = At(2), ReplyTo = 1, Attachments = [new AttachmentRecord(0, MediaKind.Photo, "p2")],
        }, Ct);

        Assert.Equal([1L, 2L], first.Attachments.Select(a => a.Id));
        Assert.Equal(3, first.Links.Single().Id);
        Assert.Equal(4, second.Attachments.Single().Id);
        var stored = await MessageMessages.GetAsync(MessageConference, 2, Ct);
        Assert.Equal(1, stored?.ReplyTo);
        Assert.Equal(At(2), stored?.SentAt);
        Assert.Equal("p2", stored?.Attachments.Single().MediaId);
    }

    [Fact]
    public async Task MessageStore_List_IsNewestFirst_WithOffsetCountAndBefore()
    {
        await MessageAppendManyAsync(MessageConference, 30);

        Assert.Equal([30L, 29L, 28L], (await MessageMessages.ListAsync(MessageConference, new MessageQuery(null, 0, 3), Ct)).Select(m => m.Id));
        Assert.Equal([28L, 27L], (await MessageMessages.ListAsync(MessageConference, new MessageQuery(null, 2, 2), Ct)).Select(m => m.Id));
        Assert.Equal([9L, 8L], (await MessageMessages.ListAsync(MessageConference, new MessageQuery(10, 0, 2), Ct)).Select(m => m.Id));
        Assert.Equal([7L], (await MessageMessages.ListAsync(MessageConference, new MessageQuery(10, 2, 1), Ct)).Select(m => m.Id));
        Assert.Empty(await MessageMessages.ListAsync(MessageConference, new MessageQuery(1, 0, 5), Ct));
        Assert.Empty(await MessageMessages.ListAsync(ChatKey.Conference(404), new MessageQuery(null, 0, 5), Ct));
    }

    [Fact]
    public async Task MessageStore_List_WithSpans_ReturnsOnlyTheirIds_AndPagesAcrossThem()
    {
        await MessageAppendManyAsync(MessageConference, 20);
        MessageSpan[] spans = [new(3, 5), new(10, 12), new(18, null)];

        var all = await MessageMessages.ListAsync(MessageConference, new MessageQuery(null, 0, 100, spans), Ct);
        var paged = await MessageMessages.ListAsync(MessageConference, new MessageQuery(null, 4, 3, spans), Ct);
        var before = await MessageMessages.ListAsync(MessageConference, new MessageQuery(11, 0, 10, spans), Ct);

        Assert.Equal([20L, 19L, 18L, 12L, 11L, 10L, 5L, 4L, 3L], all.Select(m => m.Id));
        Assert.Equal([11L, 10L, 5L], paged.Select(m => m.Id));
        Assert.Equal([10L, 5L, 4L, 3L], before.Select(m => m.Id));
    }

    [Fact]
    public async Task MessageStore_Update_ReplacesContent_AndNumbersNewAttachmentsAfterTheLast()
    {
        var sent = await MessageMessages.AppendAsync(MessageConference, new MessageRecord
        {
            SenderId = 1, Text = "a", SentAt = At(1), Attachments = [new AttachmentRecord(0, MediaKind.Photo, "p1")],
        }, Ct);

        var edited = await MessageMessages.UpdateAsync(MessageConference, sent with
        {
            Text = "b", EditedAt = At(5), Attachments = [new AttachmentRecord(0, MediaKind.Video, "v1")],
        }, Ct);

        Assert.Equal("b", edited?.Text);
        Assert.Equal(At(5), edited?.EditedAt);
        Assert.Equal(2, edited?.Attachments.Single().Id);
        Assert.Empty(await MessageMessages.ListGalleryAsync(MessageConference, GalleryKind.Photos, 0, 10, null, Ct));
        Assert.Equal([2L], (await MessageMessages.ListGalleryAsync(MessageConference, GalleryKind.Videos, 0, 10, null, Ct)).Select(g => g.Id));
        Assert.Null(await MessageMessages.UpdateAsync(MessageConference, sent with { Id = 99 }, Ct));
    }

    [Fact]
    public async Task MessageStore_Delete_RemovesTheMessageAndItsGalleryItems_AndIdsAreNotReused()
    {
        await MessageMessages.AppendAsync(MessageConference, new MessageRecord
        {
            SenderId = 1, SentAt = At(1), Text = "x https://x.example", Attachments = [new AttachmentRecord(0, MediaKind.Photo, "p1")],
            Links = [new LinkRecord(0, "https://x.example")],
        }, Ct);

        Assert.True(await MessageMessages.DeleteAsync(MessageConference, 1, Ct));
        Assert.False(await MessageMessages.DeleteAsync(MessageConference, 1, Ct));
        Assert.Null(await MessageMessages.GetAsync(MessageConference, 1, Ct));
        Assert.Empty(await MessageMessages.ListGalleryAsync(MessageConference, GalleryKind.Photos, 0, 10, null, Ct));
        Assert.Empty(await MessageMessages.ListGalleryAsync(MessageConference, GalleryKind.Links, 0, 10, null, Ct));
        Assert.Equal(2, (await MessageMessages.AppendAsync(MessageConference, MessageText("next"), Ct)).Id);
    }

    [Fact]
    public async Task MessageStore_Galleries_ListByKindNewestFirst_AndDeletingAnItemLeavesTheMessage()
    {
        await MessageMessages.AppendAsync(MessageConference, new MessageRecord
        {
            SenderId = 7, SentAt = At(1), Text = "https://a.example and https://b.example",
            Attachments = [new AttachmentRecord(0, MediaKind.Photo, "p1"), new AttachmentRecord(0, MediaKind.Photo, "p2")],
            Links = [new LinkRecord(0, "https://a.example"), new LinkRecord(0, "https://b.example")],
        }, Ct);

        var photos = await MessageMessages.ListGalleryAsync(MessageConference, GalleryKind.Photos, 0, 10, null, Ct);
        var links = await MessageMessages.ListGalleryAsync(MessageConference, GalleryKind.Links, 0, 10, null, Ct);
        Assert.Equal([2L, 1L], photos.Select(p => p.Id));
        Assert.Equal(["https://b.example", "https://a.example"], links.Select(l => l.Url));
        Assert.All(photos, p => Assert.Equal((1L, 7L), (p.MessageId, p.SenderId)));

        Assert.True(await MessageMessages.DeleteGalleryItemAsync(MessageConference, GalleryKind.Links, 3, Ct));
        Assert.False(await MessageMessages.DeleteGalleryItemAsync(MessageConference, GalleryKind.Photos, 3, Ct));
        Assert.Null(await MessageMessages.GetGalleryItemAsync(MessageConference, GalleryKind.Links, 3, Ct));
        var message = await MessageMessages.GetAsync(MessageConference, 1, Ct);
        Assert.Equal("https://a.example and https://b.example", message?.Text);
        Assert.Equal(["https://b.example"], message?.Links.Select(l => l.Url));
        Assert.Equal("p2", (await MessageMessages.GetGalleryItemAsync(MessageConference, GalleryKind.Photos, 2, Ct))?.MediaId);
    }

    [Fact]
    public async Task MessageStore_Galleries_WithSpans_HideItemsOfUnreadableMessages()
    {
        for (var i = 1; i <= 3; i++)
            await MessageMessages.AppendAsync(MessageConference, new MessageRecord { SenderId = 1, SentAt = At(i), Attachments = [new AttachmentRecord(0, MediaKind.File, $"f{i}")] }, Ct);

        var visible = await MessageMessages.ListGalleryAsync(MessageConference, GalleryKind.Files, 0, 10, [new MessageSpan(2, 2)], Ct);

        Assert.Equal([2L], visible.Select(g => g.MessageId));
    }

    [Fact]
    public async Task MessageStore_CountAfter_CountsOthersMessagesPastTheMarker_WithinSpans()
    {
        await MessageMessages.AppendAsync(MessageConference, MessageText("1", sender: 1), Ct);
        await MessageMessages.AppendAsync(MessageConference, MessageText("2", sender: 2), Ct);
        await MessageMessages.AppendAsync(MessageConference, MessageText("3", sender: 2), Ct);
        await MessageMessages.AppendAsync(MessageConference, MessageText("4", sender: 1), Ct);

        Assert.Equal(2, await MessageMessages.CountAfterAsync(MessageConference, 0, 1, null, Ct));
        Assert.Equal(1, await MessageMessages.CountAfterAsync(MessageConference, 2, 1, null, Ct));
        Assert.Equal(1, await MessageMessages.CountAfterAsync(MessageConference, 0, 1, [new MessageSpan(3, null)], Ct));
        Assert.Equal(0, await MessageMessages.CountAfterAsync(ChatKey.Conference(404), 0, 1, null, Ct));
    }

    [Fact]
    public async Task MessageStore_Activity_AndDialogs_ReflectWhereChatsStand()
    {
        await MessageMessages.AppendAsync(ChatKey.Dialog(1, 2), MessageText("a", second: 3), Ct);
        await MessageMessages.AppendAsync(ChatKey.Dialog(1, 1), MessageText("self", second: 4), Ct);
        await MessageMessages.AppendAsync(ChatKey.Dialog(3, 2), MessageText("b", sender: 3, second: 5), Ct);

        var activity = await MessageMessages.GetActivityAsync([ChatKey.Dialog(1, 2), ChatKey.Dialog(3, 2), MessageConference], Ct);

        Assert.Equal(2, activity.Count);
        Assert.Contains(new ChatActivity(ChatKey.Dialog(2, 3), 1, At(5)), activity);
        Assert.Equal([ChatKey.Dialog(1, 1), ChatKey.Dialog(1, 2)], (await MessageMessages.ListDialogsAsync(1, Ct)).OrderBy(k => k.Value));
        Assert.Equal([ChatKey.Dialog(1, 2), ChatKey.Dialog(2, 3)], (await MessageMessages.ListDialogsAsync(2, Ct)).OrderBy(k => k.Value));
    }

    [Fact]
    public async Task MessageStore_DeleteChat_RemovesTheWholeHistory_AndLeavesOtherChats()
    {
        await MessageAppendManyAsync(MessageConference, 3);
        await MessageAppendManyAsync(MessageDialog, 2);

        await MessageMessages.DeleteChatAsync(MessageConference, Ct);

        Assert.Empty(await MessageMessages.ListAsync(MessageConference, new MessageQuery(null, 0, 10), Ct));
        Assert.Equal(0, await MessageMessages.GetLastIdAsync(MessageConference, Ct));
        Assert.Equal(2, (await MessageMessages.ListAsync(MessageDialog, new MessageQuery(null, 0, 10), Ct)).Count);
    }

    [Fact]
    public async Task MessageStore_IdsOutsideAChatsNumbering_FindNothing_InAnyChat()
    {
        // Several chats, so an id that spilled into a store's chat-number bits would name one of them.
        for (long c = 1; c <= 4; c++)
        {
            await MessageMessages.AppendAsync(ChatKey.Conference(c), new MessageRecord
            {
                SenderId = 1, SentAt = At(1), Text = "https://x.example", Links = [new LinkRecord(0, "https://x.example")],
            }, Ct);
        }
        var chat = ChatKey.Conference(1);
        long[] outside = [0, -1, long.MinValue, long.MaxValue, (1L << 32) | 1, (3L << 32) | 1, (7L << 35) | 1];

        foreach (var id in outside)
        {
            Assert.Null(await MessageMessages.GetAsync(chat, id, Ct));
            Assert.Null(await MessageMessages.UpdateAsync(chat, MessageText("x") with { Id = id }, Ct));
            Assert.False(await MessageMessages.DeleteAsync(chat, id, Ct));
            Assert.Null(await MessageMessages.GetGalleryItemAsync(chat, GalleryKind.Links, id, Ct));
            Assert.False(await MessageMessages.DeleteGalleryItemAsync(chat, GalleryKind.Links, id, Ct));
        }
        Assert.Empty(await MessageMessages.ListAsync(chat, new MessageQuery(long.MinValue, 0, 10), Ct));
        Assert.Empty(await MessageMessages.ListAsync(chat, new MessageQuery(0, 0, 10), Ct));
        for (long c = 1; c <= 4; c++) Assert.Equal("https://x.example", (await MessageMessages.GetAsync(ChatKey.Conference(c), 1, Ct))?.Text);
    }
}
