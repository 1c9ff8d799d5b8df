using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>What every <see cref="IMessageSearchStore"/> must do: the message store keeps its word index in step.</summary>
public abstract partial class StoreConformance
{
    private static readonly ChatKey MessageSearchChat = ChatKey.Conference(3);
    private static readonly ChatKey MessageSearchOther = ChatKey.Dialog(1, 2);

    private IMessageStore MessageSearchMessages => Store<IMessageStore>();

    private IMessageSearchStore MessageSearchSearch => Store<IMessageSearchStore>();

    private Task<MessageRecord> MessageSearchSendAsync(string? text, ChatKey? chat = null, int second = 1) =>
        MessageSearchMessages.AppendAsync(chat ?? MessageSearchChat, new MessageRecord { SenderId = 1, Text = text, SentAt = At(second) }, Ct).AsTask();

    private async Task<List<long>> MessageSearchIdsAsync(string q, long? before = null, params ChatKey[] chats) =>
        (await MessageSearchSearch.SearchAsync(chats.Length == 0 ? [MessageSearchChat] : chats, SearchWords.Of(q), before, Ct))
            .Select(h => h.MessageId).Order().ToList();

    [Fact]
    public async Task MessageSearchStore_Words_MatchByPrefix_IgnoringCaseAndAccents_AndEveryWordMustMatch()
    {
        var cafe = await MessageSearchSendAsync("Meet at the CAFÉ, Zoë!");
        var cabin = await MessageSearchSendAsync("the cabin");
        await MessageSearchSendAsync("nothing here");

        Assert.Equal([cafe.Id], await MessageSearchIdsAsync("cafe"));
        Assert.Equal([cafe.Id, cabin.Id], await MessageSearchIdsAsync("CA"));
        Assert.Equal([cafe.Id], await MessageSearchIdsAsync("ca zoe"));
        Assert.Empty(await MessageSearchIdsAsync("cabin zoe"));
        Assert.Empty(await MessageSearchIdsAsync("afe"));
    }

    [Fact]
    public async Task MessageSearchStore_Search_StaysInTheChatsAsked_BelowBefore_AndReportsSendTimes()
    {
        var first = await MessageSearchSendAsync("hello", second: 1);
        var second = await MessageSearchSendAsync("hello", second: 2);
        var elsewhere = await MessageSearchSendAsync("hello", MessageSearchOther, second: 3);

        Assert.Equal([first.Id, second.Id], await MessageSearchIdsAsync("hello"));
        Assert.Equal([first.Id], await MessageSearchIdsAsync("hello", before: second.Id));
        var both = await MessageSearchSearch.SearchAsync([MessageSearchChat, MessageSearchOther], ["hello"], null, Ct);
        Assert.Equal(3, both.Count);
        Assert.Contains(new SearchHit(MessageSearchOther, elsewhere.Id, At(3)), both);
    }

    [Fact]
    public async Task MessageSearchStore_Edits_ReIndex_AndDeletionsUnindex()
    {
        var edited = await MessageSearchSendAsync("apple pie");
        var deleted = await MessageSearchSendAsync("apple tart");

        await MessageSearchMessages.UpdateAsync(MessageSearchChat, edited with { Text = "banana bread", EditedAt = At(5) }, Ct);
        await MessageSearchMessages.DeleteAsync(MessageSearchChat, deleted.Id, Ct);

        Assert.Empty(await MessageSearchIdsAsync("apple"));
        Assert.Equal([edited.Id], await MessageSearchIdsAsync("bread"));
        await MessageSearchMessages.DeleteChatAsync(MessageSearchChat, Ct);
        Assert.Empty(await MessageSearchIdsAsync("bread"));
    }

    [Fact]
    public async Task MessageSearchStore_GetMany_ReadsMessagesOfManyChats_AndSkipsMissingOnes()
    {
        var a = await MessageSearchSendAsync("a");
        var b = await MessageSearchSendAsync("b", MessageSearchOther);

        var found = await MessageSearchSearch.GetManyAsync([(MessageSearchChat, a.Id), (MessageSearchOther, b.Id), (MessageSearchOther, 99), (ChatKey.Conference(77), 1)], Ct);

        Assert.Equal(2, found.Count);
        Assert.Contains(found, f => f.Chat == MessageSearchChat && f.Message.Text == "a");
        Assert.Contains(found, f => f.Chat == MessageSearchOther && f.Message.Text == "b");
    }
}
