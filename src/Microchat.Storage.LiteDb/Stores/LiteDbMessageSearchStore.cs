using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>Message search over the word index the message store keeps (<see cref="MessageWordIndex"/>).</summary>
internal sealed class LiteDbMessageSearchStore : IMessageSearchStore
{
    private readonly LiteDbStorage _storage;

    public LiteDbMessageSearchStore(LiteDbStorage storage)
    {
        _storage = storage;
        _storage.Write(MessageWordIndex.Backfill);
    }

    public ValueTask<IReadOnlyList<SearchHit>> SearchAsync(IReadOnlyCollection<ChatKey> chats, IReadOnlyList<string> words, long? before,
        CancellationToken cancellationToken)
    {
        if (chats.Count == 0 || words.Count == 0) return ValueTask.FromResult<IReadOnlyList<SearchHit>>([]);
        return ValueTask.FromResult<IReadOnlyList<SearchHit>>(_storage.Read(db =>
        {
            var hits = new List<SearchHit>();
            var states = db.GetCollection<ChatDocument>("chats");
            foreach (var chat in chats.Distinct())
            {
                if (states.FindById(chat.Value) is not { } state) continue;
                foreach (var (id, sentAt) in MessageWordIndex.Search(db, state.Number, words, before)) hits.Add(new SearchHit(chat, id, sentAt));
            }
            return hits;
        }));
    }

    public ValueTask<IReadOnlyList<(ChatKey Chat, MessageRecord Message)>> GetManyAsync(IReadOnlyCollection<(ChatKey Chat, long MessageId)> messages,
        CancellationToken cancellationToken)
    {
        if (messages.Count == 0) return ValueTask.FromResult<IReadOnlyList<(ChatKey, MessageRecord)>>([]);
        return ValueTask.FromResult<IReadOnlyList<(ChatKey, MessageRecord)>>(_storage.Read(db =>
        {
            var chats = new Dictionary<long, ChatKey>();
            var keys = new List<BsonValue>();
            var states = db.GetCollection<ChatDocument>("chats");
            foreach (var group in messages.GroupBy(m => m.Chat))
            {
                if (states.FindById(group.Key.Value) is not { } state) continue;
                chats[state.Number] = group.Key;
                keys.AddRange(group.Where(m => MessageKeys.IsId(m.MessageId)).Select(m => new BsonValue(MessageKeys.Message(state.Number, m.MessageId))));
            }
            if (keys.Count == 0) return [];
            return db.GetCollection<MessageDocument>("messages").Find(QueryExpressions.KeyIn(keys))
                .Select(m => (chats[m.Id >> 32], m.ToRecord()))
                .ToList();
        }));
    }
}
