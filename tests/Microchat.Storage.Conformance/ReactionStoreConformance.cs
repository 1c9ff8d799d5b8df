using Xunit;

namespace Microchat.Storage.Conformance;

/// <summary>What every <see cref="IReactionStore"/> must do, with the message store that deletes reactions along with messages.</summary>
public abstract class ReactionStoreConformance : StoreConformance
{
    private static readonly ChatKey Chat = ChatKey.Conference(4);

    private IReactionStore Reactions => Store<IReactionStore>();

    private IMessageStore Messages => Store<IMessageStore>();

    private async Task<long> SendAsync(ChatKey? chat = null) =>
        (await Messages.AppendAsync(chat ?? Chat, new MessageRecord { SenderId = 1, Text = "hi", SentAt = At(1) }, Ct)).Id;

    private Task<ReactionChange> AddAsync(long id, string emoji, long reactor, int max = 20) =>
        Reactions.AddAsync(Chat, id, emoji, reactor, At(2), max, Ct).AsTask();

    [Fact]
    public async Task Add_CountsEachReactorOnce_AndKeepsEmojiInOrderOfFirstUse()
    {
        var id = await SendAsync();

        Assert.Equal(ReactionOutcome.Changed, (await AddAsync(id, "👍", 1)).Outcome);
        Assert.Equal(ReactionOutcome.Unchanged, (await AddAsync(id, "👍", 1)).Outcome);
        await AddAsync(id, "❤️", 2);
        var last = await AddAsync(id, "👍", 2);

        Assert.Equal([new ReactionCount("👍", 2), new ReactionCount("❤️", 1)], last.State.Counts);
        Assert.Equal(["👍"], last.State.ByReactor[1]);
        Assert.Equal(["❤️", "👍"], last.State.ByReactor[2].Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Add_RefusesANewEmojiBeyondTheLimit_ButNotAnotherReactorOfAnOldOne()
    {
        var id = await SendAsync();
        await AddAsync(id, "👍", 1, max: 2);
        await AddAsync(id, "❤️", 1, max: 2);

        Assert.Equal(ReactionOutcome.TooManyEmoji, (await AddAsync(id, "😂", 2, max: 2)).Outcome);
        Assert.Equal(ReactionOutcome.Changed, (await AddAsync(id, "❤️", 2, max: 2)).Outcome);
    }

    [Fact]
    public async Task Add_ToAMissingMessage_IsNoMessage()
    {
        Assert.Equal(ReactionOutcome.NoMessage, (await AddAsync(1, "👍", 1)).Outcome);
        var id = await SendAsync();
        Assert.Equal(ReactionOutcome.NoMessage, (await AddAsync(id + 1, "👍", 1)).Outcome);
    }

    [Fact]
    public async Task ConcurrentReactors_AreAllCounted()
    {
        var id = await SendAsync();

        await Task.WhenAll(Enumerable.Range(1, 50).Select(r => Task.Run(() => AddAsync(id, "🔥", r))));

        var state = await Reactions.GetStateAsync(Chat, id, Ct);
        Assert.Equal([new ReactionCount("🔥", 50)], state.Counts);
        Assert.Equal(50, state.ByReactor.Count);
    }

    [Fact]
    public async Task Remove_TakesOnlyTheReactorsOwn_AndDropsAnEmojiNobodyHolds()
    {
        var id = await SendAsync();
        await AddAsync(id, "👍", 1);
        await AddAsync(id, "👍", 2);
        await AddAsync(id, "😂", 1);

        Assert.Equal(ReactionOutcome.NoReaction, (await Reactions.RemoveAsync(Chat, id, "😂", 2, Ct)).Outcome);
        await Reactions.RemoveAsync(Chat, id, "😂", 1, Ct);
        var after = await Reactions.RemoveAsync(Chat, id, "👍", 1, Ct);

        Assert.Equal(ReactionOutcome.Changed, after.Outcome);
        Assert.Equal([new ReactionCount("👍", 1)], after.State.Counts);
        Assert.False(after.State.ByReactor.ContainsKey(1));
    }

    [Fact]
    public async Task Reactors_AreListedOldestFirst_InPages()
    {
        var id = await SendAsync();
        foreach (var reactor in new long[] { 5, 3, 9, 1 }) await AddAsync(id, "👍", reactor);
        await AddAsync(id, "❤️", 7);

        Assert.Equal([5L, 3, 9, 1], await Reactions.ListReactorsAsync(Chat, id, "👍", 0, 10, Ct));
        Assert.Equal([9L], await Reactions.ListReactorsAsync(Chat, id, "👍", 2, 1, Ct));
        Assert.Empty(await Reactions.ListReactorsAsync(Chat, id, "😂", 0, 10, Ct));
    }

    [Fact]
    public async Task Get_ReadsAPageOfManyChats_WithTheViewersOwn()
    {
        var a = await SendAsync();
        var b = await SendAsync();
        var quiet = await SendAsync();
        var other = ChatKey.Dialog(1, 2);
        var elsewhere = await SendAsync(other);
        await AddAsync(a, "👍", 1);
        await AddAsync(b, "👍", 2);
        await Reactions.AddAsync(other, elsewhere, "😂", 1, At(3), 20, Ct);

        var found = await Reactions.GetAsync([(Chat, a), (Chat, b), (Chat, quiet), (other, elsewhere), (Chat, 999)], viewerId: 1, Ct);

        var byMessage = found.ToDictionary(r => (r.Chat, r.MessageId));
        Assert.Equal(3, found.Count);
        Assert.Equal(["👍"], byMessage[(Chat, a)].Mine);
        Assert.Empty(byMessage[(Chat, b)].Mine);
        Assert.Equal(["😂"], byMessage[(other, elsewhere)].Mine);
        Assert.False(byMessage.ContainsKey((Chat, quiet)));
    }

    [Fact]
    public async Task DeletingAMessageOrItsChat_TakesItsReactions()
    {
        var id = await SendAsync();
        var kept = await SendAsync();
        await AddAsync(id, "👍", 1);
        await AddAsync(kept, "👍", 1);

        await Messages.DeleteAsync(Chat, id, Ct);
        Assert.Empty((await Reactions.GetStateAsync(Chat, id, Ct)).Counts);
        Assert.Empty(await Reactions.ListReactorsAsync(Chat, id, "👍", 0, 10, Ct));
        Assert.Single((await Reactions.GetStateAsync(Chat, kept, Ct)).Counts);

        await Messages.DeleteChatAsync(Chat, Ct);
        var again = await SendAsync();
        Assert.Equal(ReactionOutcome.Changed, (await AddAsync(again, "👍", 1)).Outcome);
        Assert.Equal([new ReactionCount("👍", 1)], (await Reactions.GetStateAsync(Chat, again, Ct)).Counts);
    }
}
