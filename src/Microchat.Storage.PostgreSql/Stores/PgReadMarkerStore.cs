namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>Read markers in <c>read_markers</c>; a marker only moves forward (GREATEST on conflict).</summary>
internal sealed class PgReadMarkerStore(PgDatabase database) : IReadMarkerStore
{
    public ValueTask SetAsync(long readerId, ChatKey chat, long messageId, CancellationToken cancellationToken) =>
        database.ExecuteAsync((c, ct) => c.ExecuteAsync(
            """
            INSERT INTO read_markers (reader_id, chat, message_id) VALUES (@reader, @chat, @id)
            ON CONFLICT (reader_id, chat) DO UPDATE SET message_id = GREATEST(read_markers.message_id, excluded.message_id)
            """, ct, ("reader", readerId), ("chat", chat.Value), ("id", messageId)), cancellationToken);

    public async ValueTask<IReadOnlyDictionary<ChatKey, long>> GetAsync(long readerId, IReadOnlyCollection<ChatKey> chats,
        CancellationToken cancellationToken)
    {
        if (chats.Count == 0) return new Dictionary<ChatKey, long>();
        var rows = await database.RunAsync((c, ct) => c.QueryAsync(
            "SELECT chat, message_id FROM read_markers WHERE reader_id = @reader AND chat = ANY(@chats)",
            r => (Chat: new ChatKey(r.GetString(0)), Id: r.GetInt64(1)), ct,
            ("reader", readerId), ("chats", chats.Select(k => k.Value).Distinct().ToArray())), cancellationToken);
        return rows.ToDictionary(r => r.Chat, r => r.Id);
    }

    public ValueTask DeleteChatAsync(ChatKey chat, CancellationToken cancellationToken) =>
        database.ExecuteAsync((c, ct) => c.ExecuteAsync("DELETE FROM read_markers WHERE chat = @chat", ct, ("chat", chat.Value)),
            cancellationToken);

    public ValueTask DeleteReaderAsync(long readerId, CancellationToken cancellationToken) =>
        database.ExecuteAsync((c, ct) => c.ExecuteAsync("DELETE FROM read_markers WHERE reader_id = @reader", ct, ("reader", readerId)),
            cancellationToken);
}
