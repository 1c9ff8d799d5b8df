namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>Message search over the word index the message store keeps (<see cref="PgMessageWords"/>).</summary>
internal sealed class PgMessageSearchStore(PgDatabase database) : IMessageSearchStore
{
    public async ValueTask<IReadOnlyList<SearchHit>> SearchAsync(IReadOnlyCollection<ChatKey> chats, IReadOnlyList<string> words, long? before,
        CancellationToken cancellationToken)
    {
        if (chats.Count == 0 || words.Count == 0) return [];
        return await database.RunAsync((c, ct) => PgMessageWords.SearchAsync(c, chats, words, before, ct), cancellationToken);
    }

    public async ValueTask<IReadOnlyList<(ChatKey Chat, MessageRecord Message)>> GetManyAsync(
        IReadOnlyCollection<(ChatKey Chat, long MessageId)> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0) return [];
        var asked = messages.Distinct().ToList();
        var keys = asked.Select(m => m.Chat).Distinct().ToDictionary(k => k.Value, StringComparer.Ordinal);
        // One statement: the pairs asked, joined to the primary key.
        return await database.RunAsync((c, ct) => c.QueryAsync(
            $"""
            SELECT {PgMessageStore.Columns}, chat FROM messages
            JOIN unnest(@chats::text[], @ids::bigint[]) AS asked(asked_chat, asked_id) ON chat = asked_chat AND id = asked_id
            """, r => (keys[r.GetString(11)], PgMessageStore.Read(r)), ct,
            ("chats", asked.Select(m => m.Chat.Value).ToArray()), ("ids", asked.Select(m => m.MessageId).ToArray())), cancellationToken);
    }
}
