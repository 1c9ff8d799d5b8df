using Xunit;

namespace Microchat.Storage.Conformance;

/// <summary>What every <see cref="IMessageSearchStore"/> must do: the message store keeps its word index in step.</summary>
public abstract class MessageSearchStoreConformance : StoreConformance
{
    private static readonly ChatKey Chat = ChatKey.Conference(3);
    private static readonly ChatKey Other = ChatKey.Dialog(1, 2);

    private IMessageStore Messages => Store<IMessageStore>();

    private IMessageSearchStore Search => Store<IMessageSearchStore>();

    private Task<MessageRecord> SendAsync(string? text, ChatKey? chat = null, int second = 1) =>
        Messages.AppendAsync(chat ?? Chat, new MessageRecord { SenderId = 1, Text = text, SentAt = At(second) }, Ct).AsTask();

    private async Task<List<long>> IdsAsync(string q, long? before = null, params ChatKey[] chats) =>
        (await Search.SearchAsync(chats.Length == 0 ? [Chat] : chats, SearchWords.Of(q), before, Ct))
            .Select(h => h.MessageId).Order().ToList();

    [Fact]
    public async Task Words_MatchByPrefix_IgnoringCaseAndAccents_AndEveryWordMustMatch()
    {
        var cafe = await SendAsync("Meet at the CAFÉ, Zoë!");
        var cabin = await SendAsync("the cabin");
        await SendAsync("nothing here");

        Assert.Equal([cafe.Id], await IdsAsync("cafe"));
        Assert.Equal([cafe.Id, cabin.Id], await IdsAsync("CA"));
        Assert.Equal([cafe.Id], await IdsAsync("ca zoe"));
        Assert.Empty(await IdsAsync("cabin zoe"));
        Assert.Empty(await IdsAsync("afe"));
    }

    [Fact]
    public async Task Search_StaysInTheChatsAsked_BelowBefore_AndReportsSendTimes()
    {
        var first = await SendAsync("hello", second: 1);
        var second = await SendAsync("hello", second: 2);
        var elsewhere = await SendAsync("hello", Other, second: 3);

        Assert.Equal([first.Id, second.Id], await IdsAsync("hello"));
        Assert.Equal([first.Id], await IdsAsync("hello", before: second.Id));
        var both = await Search.SearchAsync([Chat, Other], ["hello"], null, Ct);
        Assert.Equal(3, both.Count);
        Assert.Contains(new SearchHit(Other, elsewhere.Id, At(3)), both);
    }

    [Fact]
    public async Task Edits_ReIndex_AndDeletionsUnindex()
    {
        var edited = await SendAsync("apple pie");
        var deleted = await SendAsync("apple tart");

        await Messages.UpdateAsync(Chat, edited with { Text = "banana bread", EditedAt = At(5) }, Ct);
        await Messages.DeleteAsync(Chat, deleted.Id, Ct);

        Assert.Empty(await IdsAsync("apple"));
        Assert.Equal([edited.Id], await IdsAsync("bread"));
        await Messages.DeleteChatAsync(Chat, Ct);
        Assert.Empty(await IdsAsync("bread"));
    }

    [Fact]
    public async Task GetMany_ReadsMessagesOfManyChats_AndSkipsMissingOnes()
    {
        var a = await SendAsync("a");
        var b = await SendAsync("b", Other);

        var found = await Search.GetManyAsync([(Chat, a.Id), (Other, b.Id), (Other, 99), (ChatKey.Conference(77), 1)], Ct);

        Assert.Equal(2, found.Count);
        Assert.Contains(found, f => f.Chat == Chat && f.Message.Text == "a");
        Assert.Contains(found, f => f.Chat == Other && f.Message.Text == "b");
    }
}
