using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>
/// Reactions in <c>reactions</c> (one document per reactor and emoji) and each message's counts in
/// <c>reaction_counts</c>; every change writes both in one transaction, so the counts stay exact under
/// concurrent reactors, and reading a page's reactions is one key lookup per message plus one range per chat.
/// </summary>
internal sealed class LiteDbReactionStore : IReactionStore
{
    private readonly LiteDbStorage _storage;

    public LiteDbReactionStore(LiteDbStorage storage)
    {
        _storage = storage;
        _storage.EnsureSchema(ReactionTables.EnsureSchema);
    }

    public ValueTask<ReactionChange> AddAsync(ChatKey chat, long messageId, string emoji, long reactorId, DateTimeOffset at,
        int maxDistinct, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            if (MessageKeyOf(db, chat, messageId) is not { } key) return new ReactionChange(ReactionOutcome.NoMessage, ReactionState.Empty);
            var reactions = ReactionTables.ReactionsOf(db);
            var mine = BinaryKeys.Mine(reactorId, key, emoji);
            if (reactions.FindOne(BinaryExpressions.FieldEquals(nameof(ReactionDocument.Mine), mine)) is not null)
                return new ReactionChange(ReactionOutcome.Unchanged, ReactionTables.State(db, key));

            var counts = ReactionTables.CountsOf(db).FindById(key) ?? new ReactionCountsDocument { Id = key };
            var entry = counts.Emojis.Find(e => string.Equals(e.Emoji, emoji, StringComparison.Ordinal));
            if (entry is null)
            {
                if (counts.Emojis.Count >= maxDistinct) return new ReactionChange(ReactionOutcome.TooManyEmoji, ReactionTables.State(db, key));
                entry = new ReactionCountEntry { Emoji = emoji };
                counts.Emojis.Add(entry);
            }
            entry.Count++;
            reactions.Insert(new ReactionDocument
            {
                Id = BinaryKeys.Reaction(key, emoji, ++counts.LastSequence),
                Mine = mine,
                MessageKey = key,
                ReactorId = reactorId,
                Emoji = emoji,
                At = at,
            });
            ReactionTables.CountsOf(db).Upsert(counts);
            return new ReactionChange(ReactionOutcome.Changed, ReactionTables.State(db, key));
        }));

    public ValueTask<ReactionChange> RemoveAsync(ChatKey chat, long messageId, string emoji, long reactorId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            if (MessageKeyOf(db, chat, messageId) is not { } key) return new ReactionChange(ReactionOutcome.NoMessage, ReactionState.Empty);
            var reactions = ReactionTables.ReactionsOf(db);
            var mine = reactions.FindOne(BinaryExpressions.FieldEquals(nameof(ReactionDocument.Mine), BinaryKeys.Mine(reactorId, key, emoji)));
            if (mine is null) return new ReactionChange(ReactionOutcome.NoReaction, ReactionTables.State(db, key));

            reactions.Delete(mine.Id);
            var countsOf = ReactionTables.CountsOf(db);
            var counts = countsOf.FindById(key);
            if (counts is not null)
            {
                var entry = counts.Emojis.Find(e => string.Equals(e.Emoji, emoji, StringComparison.Ordinal));
                if (entry is not null && --entry.Count <= 0) counts.Emojis.Remove(entry);
                countsOf.Upsert(counts);
            }
            return new ReactionChange(ReactionOutcome.Changed, ReactionTables.State(db, key));
        }));

    public ValueTask<IReadOnlyList<long>> ListReactorsAsync(ChatKey chat, long messageId, string emoji, int offset, int count,
        CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<long>>(_storage.Read(db =>
        {
            if (!MessageKeys.IsId(messageId) || ChatOf(db, chat) is not { } state) return [];
            var key = MessageKeys.Message(state.Number, messageId);
            return ReactionTables.ReactionsOf(db).Query()
                .Where(BinaryExpressions.KeyBetween(BinaryKeys.ReactionRange(key, emoji)))
                .OrderBy(r => r.Id)
                .Offset(offset).Limit(count)
                .ToList()
                .Select(r => r.ReactorId)
                .ToList();
        }));

    public ValueTask<IReadOnlyList<MessageReactions>> GetAsync(IReadOnlyCollection<(ChatKey Chat, long MessageId)> messages, long viewerId,
        CancellationToken cancellationToken)
    {
        if (messages.Count == 0) return ValueTask.FromResult<IReadOnlyList<MessageReactions>>([]);
        return ValueTask.FromResult<IReadOnlyList<MessageReactions>>(_storage.Read(db =>
        {
            var keys = new Dictionary<long, (ChatKey Chat, long MessageId)>();
            foreach (var group in messages.GroupBy(m => m.Chat))
            {
                if (ChatOf(db, group.Key) is not { } state) continue;
                foreach (var (chat, id) in group.Where(m => MessageKeys.IsId(m.MessageId)))
                    keys[MessageKeys.Message(state.Number, id)] = (chat, id);
            }
            if (keys.Count == 0) return [];

            var counts = ReactionTables.CountsOf(db)
                .Find(QueryExpressions.KeyIn(keys.Keys.Select(k => new BsonValue(k))))
                .Where(c => c.Emojis.Count > 0)
                .ToList();
            if (counts.Count == 0) return [];

            // The viewer's own reactions: one range per chat, from the page's first reacted message to its last.
            var mine = new Dictionary<long, List<string>>();
            foreach (var chatKeys in counts.GroupBy(c => c.Id >> 32))
            {
                var (first, last) = BinaryKeys.MineRange(viewerId, chatKeys.Min(c => c.Id), chatKeys.Max(c => c.Id));
                foreach (var reaction in ReactionTables.ReactionsOf(db).Find(BinaryExpressions.FieldBetween(nameof(ReactionDocument.Mine), first, last)))
                {
                    if (!mine.TryGetValue(reaction.MessageKey, out var list)) mine[reaction.MessageKey] = list = [];
                    list.Add(reaction.Emoji);
                }
            }
            return counts.Select(c => new MessageReactions(keys[c.Id].Chat, keys[c.Id].MessageId, ReactionTables.Present(c),
                mine.TryGetValue(c.Id, out var own) ? own : [])).ToList();
        }));
    }

    public ValueTask<ReactionState> GetStateAsync(ChatKey chat, long messageId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Read(db =>
            MessageKeys.IsId(messageId) && ChatOf(db, chat) is { } state
                ? ReactionTables.State(db, MessageKeys.Message(state.Number, messageId))
                : ReactionState.Empty));

    private static ChatDocument? ChatOf(LiteDatabase db, ChatKey chat) => db.GetCollection<ChatDocument>("chats").FindById(chat.Value);

    // The message must still be there: a reaction never outlives the message it is on.
    private static long? MessageKeyOf(LiteDatabase db, ChatKey chat, long messageId)
    {
        if (!MessageKeys.IsId(messageId) || ChatOf(db, chat) is not { } state) return null;
        var key = MessageKeys.Message(state.Number, messageId);
        return db.GetCollection<MessageDocument>("messages").FindById(key) is null ? null : key;
    }
}
