using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>What every <see cref="IReactionStore"/> must do, with the message store that deletes reactions along with messages.</summary>
public abstract partial class StoreConformance
{
    private static readonly ChatKey ReactionChat = ChatKey.Conference(4);

    private IReactionStore ReactionReactions => Store<IReactionStore>();

    private IMessageStore ReactionMessages => Store<IMessageStore>();

    private async Task<long> ReactionSendAsync(ChatKey? chat = null) =>
        (await ReactionMessages.AppendAsync(chat ?? ReactionChat, new MessageRecord { SenderId = 1, Text = "hi", SentAt = At(1) }, Ct)).Id;

    private Task<ReactionChange> ReactionAddAsync(long id, string emoji, long reactor, int max = 20) =>
        ReactionReactions.AddAsync(ReactionChat, id, emoji, reactor, At(2), max, Ct).AsTask();

    [Fact]
    public async Task ReactionStore_Add_CountsEachReactorOnce_AndKeepsEmojiInOrderOfFirstUse()
    {
        var id = await ReactionSendAsync();

        Assert.Equal(ReactionOutcome.Changed, (await ReactionAddAsync(id, "👍", 1)).Outcome);
        Assert.Equal(ReactionOutcome.Unchanged, (await ReactionAddAsync(id, "👍", 1)).Outcome);
        await ReactionAddAsync(id, "❤️", 2);
        var last = await ReactionAddAsync(id, "👍", 2);

        Assert.Equal([new ReactionCount("👍", 2), new ReactionCount("❤️", 1)], last.State.Counts);
        Assert.Equal(["👍"], last.State.ByReactor[1]);
        Assert.Equal(["❤️", "👍"], last.State.ByReactor[2].Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReactionStore_Add_RefusesANewEmojiBeyondTheLimit_ButNotAnotherReactorOfAnOldOne()
    {
        var id = await ReactionSendAsync();
        await ReactionAddAsync(id, "👍", 1, max: 2);
        await ReactionAddAsync(id, "❤️", 1, max: 2);

        Assert.Equal(ReactionOutcome.TooManyEmoji, (await ReactionAddAsync(id, "😂", 2, max: 2)).Outcome);
        Assert.Equal(ReactionOutcome.Changed, (await ReactionAddAsync(id, "❤️", 2, max: 2)).Outcome);
    }

    [Fact]
    public async Task ReactionStore_Add_ToAMissingMessage_IsNoMessage()
    {
        Assert.Equal(ReactionOutcome.NoMessage, (await ReactionAddAsync(1, "👍", 1)).Outcome);
        var id = await ReactionSendAsync();
        Assert.Equal(ReactionOutcome.NoMessage, (await ReactionAddAsync(id + 1, "👍", 1)).Outcome);
    }

    [Fact]
    public async Task ReactionStore_ConcurrentReactors_AreAllCounted()
    {
        var id = await ReactionSendAsync();

        await Task.WhenAll(Enumerable.Range(1, 50).Select(r => Task.Run(() => ReactionAddAsync(id, "🔥", r))));

        var state = await ReactionReactions.GetStateAsync(ReactionChat, id, Ct);
        Assert.Equal([new ReactionCount("🔥", 50)], state.Counts);
        Assert.Equal(50, state.ByReactor.Count);
    }

    [Fact]
    public async Task ReactionStore_Remove_TakesOnlyTheReactorsOwn_AndDropsAnEmojiNobodyHolds()
    {
        var id = await ReactionSendAsync();
        await ReactionAddAsync(id, "👍", 1);
        await ReactionAddAsync(id, "👍", 2);
        await ReactionAddAsync(id, "😂", 1);

        Assert.Equal(ReactionOutcome.NoReaction, (await ReactionReactions.RemoveAsync(ReactionChat, id, "😂", 2, Ct)).Outcome);
        await ReactionReactions.RemoveAsync(ReactionChat, id, "😂", 1, Ct);
        var after = await ReactionReactions.RemoveAsync(ReactionChat, id, "👍", 1, Ct);

        Assert.Equal(ReactionOutcome.Changed, after.Outcome);
        Assert.Equal([new ReactionCount("👍", 1)], after.State.Counts);
        Assert.False(after.State.ByReactor.ContainsKey(1));
    }

    [Fact]
    public async Task ReactionStore_Reactors_AreListedOldestFirst_InPages()
    {
        var id = await ReactionSendAsync();
        foreach (var reactor in new long[] { 5, 3, 9, 1 }) await ReactionAddAsync(id, "👍", reactor);
        await ReactionAddAsync(id, "❤️", 7);

        Assert.Equal([5L, 3, 9, 1], await ReactionReactions.ListReactorsAsync(ReactionChat, id, "👍", 0, 10, Ct));
        Assert.Equal([9L], await ReactionReactions.ListReactorsAsync(ReactionChat, id, "👍", 2, 1, Ct));
        Assert.Empty(await ReactionReactions.ListReactorsAsync(ReactionChat, id, "😂", 0, 10, Ct));
    }

    [Fact]
    public async Task ReactionStore_Get_ReadsAPageOfManyChats_WithTheViewersOwn()
    {
        var a = await ReactionSendAsync();
        var b = await ReactionSendAsync();
        var quiet = await ReactionSendAsync();
        var other = ChatKey.Dialog(1, 2);
        var elsewhere = await ReactionSendAsync(other);
        await ReactionAddAsync(a, "👍", 1);
        await ReactionAddAsync(b, "👍", 2);
        await ReactionReactions.AddAsync(other, elsewhere, "😂", 1, At(3), 20, Ct);

        var found = await ReactionReactions.GetAsync([(ReactionChat, a), (ReactionChat, b), (ReactionChat, quiet), (other, elsewhere), (ReactionChat, 999)], viewerId: 1, Ct);

        var byMessage = found.ToDictionary(r => (r.Chat, r.MessageId));
        Assert.Equal(3, found.Count);
        Assert.Equal(["👍"], byMessage[(ReactionChat, a)].Mine);
        Assert.Empty(byMessage[(ReactionChat, b)].Mine);
        Assert.Equal(["😂"], byMessage[(other, elsewhere)].Mine);
        Assert.False(byMessage.ContainsKey((ReactionChat, quiet)));
    }

    [Fact]
    public async Task ReactionStore_DeletingAMessageOrItsChat_TakesItsReactions()
    {
        var id = await ReactionSendAsync();
        var kept = await ReactionSendAsync();
        await ReactionAddAsync(id, "👍", 1);
        await ReactionAddAsync(kept, "👍", 1);

        await ReactionMessages.DeleteAsync(ReactionChat, id, Ct);
        Assert.Empty((await ReactionReactions.GetStateAsync(ReactionChat, id, Ct)).Counts);
        Assert.Empty(await ReactionReactions.ListReactorsAsync(ReactionChat, id, "👍", 0, 10, Ct));
        Assert.Single((await ReactionReactions.GetStateAsync(ReactionChat, kept, Ct)).Counts);

        await ReactionMessages.DeleteChatAsync(ReactionChat, Ct);
        var again = await ReactionSendAsync();
        Assert.Equal(ReactionOutcome.Changed, (await ReactionAddAsync(again, "👍", 1)).Outcome);
        Assert.Equal([new ReactionCount("👍", 1)], (await ReactionReactions.GetStateAsync(ReactionChat, again, Ct)).Counts);
    }
}
