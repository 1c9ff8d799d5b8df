using Microchat.Contracts;
using Xunit;

namespace Microchat.Storage.Conformance;

/// <summary>What every <see cref="IMessageStore"/> must do.</summary>
public abstract class MessageStoreConformance : StoreConformance
{
    private static readonly ChatKey Dialog = ChatKey.Dialog(2, 1);
    private static readonly ChatKey Conference = ChatKey.Conference(9);

    private IMessageStore Messages => Store<IMessageStore>();

    private static MessageRecord Text(string text, long sender = 1, int second = 1) => new() { SenderId = sender, Text = text, SentAt = At(second) };

    private async Task<List<MessageRecord>> AppendManyAsync(ChatKey chat, int count)
    {
        var sent = new List<MessageRecord>();
        for (var i = 1; i <= count; i++) sent.Add(await Messages.AppendAsync(chat, Text($"m{i}"), Ct));
        return sent;
    }

    [Fact]
    public async Task Append_NumbersEachChat_From1_AndBothSidesOfADialogShareIt()
    {
        var first = await Messages.AppendAsync(ChatKey.Dialog(1, 2), Text("a"), Ct);
        var second = await Messages.AppendAsync(ChatKey.Dialog(2, 1), Text("b", sender: 2), Ct);
        var elsewhere = await Messages.AppendAsync(Conference, Text("c"), Ct);

        Assert.Equal(1, first.Id);
        Assert.Equal(2, second.Id);
        Assert.Equal(1, elsewhere.Id);
        Assert.Equal(2, await Messages.GetLastIdAsync(Dialog, Ct));
    }

    [Fact]
    public async Task ConcurrentAppends_GetGaplessDistinctIds()
    {
        var sent = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
            await Messages.AppendAsync(Conference, Text($"m{i}"), Ct))));

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), sent.Select(m => m.Id).Order());
    }

    [Fact]
    public async Task Append_NumbersAttachmentsAndLinks_AcrossTheChat_AndRoundTrips()
    {
        var first = await Messages.AppendAsync(Conference, new MessageRecord
        {
            SenderId = 1, Text = "see https://a.example", SentAt = At(1), ReplyTo = null,
            Attachments = [new AttachmentRecord(0, MediaKind.Photo, "p1"), new AttachmentRecord(0, MediaKind.File, "f1")],
            Links = [new LinkRecord(0, "https://a.example")],
        }, Ct);
        var second = await Messages.AppendAsync(Conference, new MessageRecord
        {
            SenderId = 2, SentAt = At(2), ReplyTo = 1, Attachments = [new AttachmentRecord(0, MediaKind.Photo, "p2")],
        }, Ct);

        Assert.Equal([1L, 2L], first.Attachments.Select(a => a.Id));
        Assert.Equal(3, first.Links.Single().Id);
        Assert.Equal(4, second.Attachments.Single().Id);
        var stored = await Messages.GetAsync(Conference, 2, Ct);
        Assert.Equal(1, stored?.ReplyTo);
        Assert.Equal(At(2), stored?.SentAt);
        Assert.Equal("p2", stored?.Attachments.Single().MediaId);
    }

    [Fact]
    public async Task List_IsNewestFirst_WithOffsetCountAndBefore()
    {
        await AppendManyAsync(Conference, 30);

        Assert.Equal([30L, 29L, 28L], (await Messages.ListAsync(Conference, new MessageQuery(null, 0, 3), Ct)).Select(m => m.Id));
        Assert.Equal([28L, 27L], (await Messages.ListAsync(Conference, new MessageQuery(null, 2, 2), Ct)).Select(m => m.Id));
        Assert.Equal([9L, 8L], (await Messages.ListAsync(Conference, new MessageQuery(10, 0, 2), Ct)).Select(m => m.Id));
        Assert.Equal([7L], (await Messages.ListAsync(Conference, new MessageQuery(10, 2, 1), Ct)).Select(m => m.Id));
        Assert.Empty(await Messages.ListAsync(Conference, new MessageQuery(1, 0, 5), Ct));
        Assert.Empty(await Messages.ListAsync(ChatKey.Conference(404), new MessageQuery(null, 0, 5), Ct));
    }

    [Fact]
    public async Task List_WithSpans_ReturnsOnlyTheirIds_AndPagesAcrossThem()
    {
        await AppendManyAsync(Conference, 20);
        MessageSpan[] spans = [new(3, 5), new(10, 12), new(18, null)];

        var all = await Messages.ListAsync(Conference, new MessageQuery(null, 0, 100, spans), Ct);
        var paged = await Messages.ListAsync(Conference, new MessageQuery(null, 4, 3, spans), Ct);
        var before = await Messages.ListAsync(Conference, new MessageQuery(11, 0, 10, spans), Ct);

        Assert.Equal([20L, 19L, 18L, 12L, 11L, 10L, 5L, 4L, 3L], all.Select(m => m.Id));
        Assert.Equal([11L, 10L, 5L], paged.Select(m => m.Id));
        Assert.Equal([10L, 5L, 4L, 3L], before.Select(m => m.Id));
    }

    [Fact]
    public async Task Update_ReplacesContent_AndNumbersNewAttachmentsAfterTheLast()
    {
        var sent = await Messages.AppendAsync(Conference, new MessageRecord
        {
            SenderId = 1, Text = "a", SentAt = At(1), Attachments = [new AttachmentRecord(0, MediaKind.Photo, "p1")],
        }, Ct);

        var edited = await Messages.UpdateAsync(Conference, sent with
        {
            Text = "b", EditedAt = At(5), Attachments = [new AttachmentRecord(0, MediaKind.Video, "v1")],
        }, Ct);

        Assert.Equal("b", edited?.Text);
        Assert.Equal(At(5), edited?.EditedAt);
        Assert.Equal(2, edited?.Attachments.Single().Id);
        Assert.Empty(await Messages.ListGalleryAsync(Conference, GalleryKind.Photos, 0, 10, null, Ct));
        Assert.Equal([2L], (await Messages.ListGalleryAsync(Conference, GalleryKind.Videos, 0, 10, null, Ct)).Select(g => g.Id));
        Assert.Null(await Messages.UpdateAsync(Conference, sent with { Id = 99 }, Ct));
    }

    [Fact]
    public async Task Delete_RemovesTheMessageAndItsGalleryItems_AndIdsAreNotReused()
    {
        await Messages.AppendAsync(Conference, new MessageRecord
        {
            SenderId = 1, SentAt = At(1), Text = "x https://x.example", Attachments = [new AttachmentRecord(0, MediaKind.Photo, "p1")],
            Links = [new LinkRecord(0, "https://x.example")],
        }, Ct);

        Assert.True(await Messages.DeleteAsync(Conference, 1, Ct));
        Assert.False(await Messages.DeleteAsync(Conference, 1, Ct));
        Assert.Null(await Messages.GetAsync(Conference, 1, Ct));
        Assert.Empty(await Messages.ListGalleryAsync(Conference, GalleryKind.Photos, 0, 10, null, Ct));
        Assert.Empty(await Messages.ListGalleryAsync(Conference, GalleryKind.Links, 0, 10, null, Ct));
        Assert.Equal(2, (await Messages.AppendAsync(Conference, Text("next"), Ct)).Id);
    }

    [Fact]
    public async Task Galleries_ListByKindNewestFirst_AndDeletingAnItemLeavesTheMessage()
    {
        await Messages.AppendAsync(Conference, new MessageRecord
        {
            SenderId = 7, SentAt = At(1), Text = "https://a.example and https://b.example",
            Attachments = [new AttachmentRecord(0, MediaKind.Photo, "p1"), new AttachmentRecord(0, MediaKind.Photo, "p2")],
            Links = [new LinkRecord(0, "https://a.example"), new LinkRecord(0, "https://b.example")],
        }, Ct);

        var photos = await Messages.ListGalleryAsync(Conference, GalleryKind.Photos, 0, 10, null, Ct);
        var links = await Messages.ListGalleryAsync(Conference, GalleryKind.Links, 0, 10, null, Ct);
        Assert.Equal([2L, 1L], photos.Select(p => p.Id));
        Assert.Equal(["https://b.example", "https://a.example"], links.Select(l => l.Url));
        Assert.All(photos, p => Assert.Equal((1L, 7L), (p.MessageId, p.SenderId)));

        Assert.True(await Messages.DeleteGalleryItemAsync(Conference, GalleryKind.Links, 3, Ct));
        Assert.False(await Messages.DeleteGalleryItemAsync(Conference, GalleryKind.Photos, 3, Ct));
        Assert.Null(await Messages.GetGalleryItemAsync(Conference, GalleryKind.Links, 3, Ct));
        var message = await Messages.GetAsync(Conference, 1, Ct);
        Assert.Equal("https://a.example and https://b.example", message?.Text);
        Assert.Equal(["https://b.example"], message?.Links.Select(l => l.Url));
        Assert.Equal("p2", (await Messages.GetGalleryItemAsync(Conference, GalleryKind.Photos, 2, Ct))?.MediaId);
    }

    [Fact]
    public async Task Galleries_WithSpans_HideItemsOfUnreadableMessages()
    {
        for (var i = 1; i <= 3; i++)
            await Messages.AppendAsync(Conference, new MessageRecord { SenderId = 1, SentAt = At(i), Attachments = [new AttachmentRecord(0, MediaKind.File, $"f{i}")] }, Ct);

        var visible = await Messages.ListGalleryAsync(Conference, GalleryKind.Files, 0, 10, [new MessageSpan(2, 2)], Ct);

        Assert.Equal([2L], visible.Select(g => g.MessageId));
    }

    [Fact]
    public async Task CountAfter_CountsOthersMessagesPastTheMarker_WithinSpans()
    {
        await Messages.AppendAsync(Conference, Text("1", sender: 1), Ct);
        await Messages.AppendAsync(Conference, Text("2", sender: 2), Ct);
        await Messages.AppendAsync(Conference, Text("3", sender: 2), Ct);
        await Messages.AppendAsync(Conference, Text("4", sender: 1), Ct);

        Assert.Equal(2, await Messages.CountAfterAsync(Conference, 0, 1, null, Ct));
        Assert.Equal(1, await Messages.CountAfterAsync(Conference, 2, 1, null, Ct));
        Assert.Equal(1, await Messages.CountAfterAsync(Conference, 0, 1, [new MessageSpan(3, null)], Ct));
        Assert.Equal(0, await Messages.CountAfterAsync(ChatKey.Conference(404), 0, 1, null, Ct));
    }

    [Fact]
    public async Task Activity_AndDialogs_ReflectWhereChatsStand()
    {
        await Messages.AppendAsync(ChatKey.Dialog(1, 2), Text("a", second: 3), Ct);
        await Messages.AppendAsync(ChatKey.Dialog(1, 1), Text("self", second: 4), Ct);
        await Messages.AppendAsync(ChatKey.Dialog(3, 2), Text("b", sender: 3, second: 5), Ct);

        var activity = await Messages.GetActivityAsync([ChatKey.Dialog(1, 2), ChatKey.Dialog(3, 2), Conference], Ct);

        Assert.Equal(2, activity.Count);
        Assert.Contains(new ChatActivity(ChatKey.Dialog(2, 3), 1, At(5)), activity);
        Assert.Equal([ChatKey.Dialog(1, 1), ChatKey.Dialog(1, 2)], (await Messages.ListDialogsAsync(1, Ct)).OrderBy(k => k.Value));
        Assert.Equal([ChatKey.Dialog(1, 2), ChatKey.Dialog(2, 3)], (await Messages.ListDialogsAsync(2, Ct)).OrderBy(k => k.Value));
    }

    [Fact]
    public async Task DeleteChat_RemovesTheWholeHistory_AndLeavesOtherChats()
    {
        await AppendManyAsync(Conference, 3);
        await AppendManyAsync(Dialog, 2);

        await Messages.DeleteChatAsync(Conference, Ct);

        Assert.Empty(await Messages.ListAsync(Conference, new MessageQuery(null, 0, 10), Ct));
        Assert.Equal(0, await Messages.GetLastIdAsync(Conference, Ct));
        Assert.Equal(2, (await Messages.ListAsync(Dialog, new MessageQuery(null, 0, 10), Ct)).Count);
    }

    [Fact]
    public async Task IdsOutsideAChatsNumbering_FindNothing_InAnyChat()
    {
        // Several chats, so an id that spilled into a store's chat-number bits would name one of them.
        for (long c = 1; c <= 4; c++)
        {
            await Messages.AppendAsync(ChatKey.Conference(c), new MessageRecord
            {
                SenderId = 1, SentAt = At(1), Text = "https://x.example", Links = [new LinkRecord(0, "https://x.example")],
            }, Ct);
        }
        var chat = ChatKey.Conference(1);
        long[] outside = [0, -1, long.MinValue, long.MaxValue, (1L << 32) | 1, (3L << 32) | 1, (7L << 35) | 1];

        foreach (var id in outside)
        {
            Assert.Null(await Messages.GetAsync(chat, id, Ct));
            Assert.Null(await Messages.UpdateAsync(chat, Text("x") with { Id = id }, Ct));
            Assert.False(await Messages.DeleteAsync(chat, id, Ct));
            Assert.Null(await Messages.GetGalleryItemAsync(chat, GalleryKind.Links, id, Ct));
            Assert.False(await Messages.DeleteGalleryItemAsync(chat, GalleryKind.Links, id, Ct));
        }
        Assert.Empty(await Messages.ListAsync(chat, new MessageQuery(long.MinValue, 0, 10), Ct));
        Assert.Empty(await Messages.ListAsync(chat, new MessageQuery(0, 0, 10), Ct));
        for (long c = 1; c <= 4; c++) Assert.Equal("https://x.example", (await Messages.GetAsync(ChatKey.Conference(c), 1, Ct))?.Text);
    }
}
