using Npgsql;

namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>
/// The word index of messages' texts (<c>message_words</c>): one row per distinct word of a message,
/// keyed (chat, word, message), written by the message store in the same transaction as the message.
/// Words sort in byte order, so a word prefix in a chat is one range of the key, however long the chat.
/// </summary>
internal static class PgMessageWords
{
    private const int BackfillBatch = 1_000;

    /// <summary>The rows of one word prefix in the chats asked, below an id: a range of the primary key per chat (the plan test checks it).</summary>
    internal const string PrefixSql =
        "SELECT chat, message_id, sent_at FROM message_words WHERE chat = ANY(@chats) AND word >= @from AND word < @to AND message_id < @before";

    public static Task AddAsync(NpgsqlConnection c, ChatKey chat, MessageRecord message, CancellationToken ct) =>
        InsertAsync(c, [(chat, message)], ct);

    /// <summary>Indexes the words of several messages in one statement.</summary>
    private static async Task InsertAsync(NpgsqlConnection c, IEnumerable<(ChatKey Chat, MessageRecord Message)> messages, CancellationToken ct)
    {
        var rows = messages.SelectMany(m => SearchWords.Of(m.Message.Text).Select(w => (m.Chat.Value, Word: w, m.Message.Id, m.Message.SentAt))).ToList();
        if (rows.Count == 0) return;
        await c.ExecuteAsync(
            """
            INSERT INTO message_words (chat, word, message_id, sent_at)
            SELECT * FROM unnest(@chats::text[], @words::text[], @ids::bigint[], @sent::timestamptz[])
            ON CONFLICT DO NOTHING
            """, ct, ("chats", rows.Select(r => r.Value).ToArray()), ("words", rows.Select(r => r.Word).ToArray()),
            ("ids", rows.Select(r => r.Id).ToArray()), ("sent", rows.Select(r => PgCommands.Utc(r.SentAt)).ToArray()));
    }

    public static async Task RemoveAsync(NpgsqlConnection c, ChatKey chat, MessageRecord message, CancellationToken ct)
    {
        var words = SearchWords.Of(message.Text);
        if (words.Count == 0) return;
        await c.ExecuteAsync("DELETE FROM message_words WHERE chat = @chat AND word = ANY(@words) AND message_id = @id", ct,
            ("chat", chat.Value), ("words", words.ToArray()), ("id", message.Id));
    }

    public static Task DeleteChatAsync(NpgsqlConnection c, ChatKey chat, CancellationToken ct) =>
        c.ExecuteAsync("DELETE FROM message_words WHERE chat = @chat", ct, ("chat", chat.Value));

    /// <summary>
    /// The messages of these chats having a word starting with each of <paramref name="words"/>, below
    /// <paramref name="before"/>: the longest prefix first (usually the fewest rows), each further one only narrowing the set.
    /// </summary>
    public static async Task<IReadOnlyList<SearchHit>> SearchAsync(NpgsqlConnection c, IReadOnlyCollection<ChatKey> chats,
        IReadOnlyList<string> words, long? before, CancellationToken ct)
    {
        var keys = chats.Distinct().ToDictionary(k => k.Value, StringComparer.Ordinal);
        Dictionary<(string Chat, long Id), DateTimeOffset>? found = null;
        foreach (var word in words.OrderByDescending(w => w.Length))
        {
            var (from, to) = PrefixRange(word);
            var rows = await c.QueryAsync(PrefixSql, r => (Chat: r.GetString(0), Id: r.GetInt64(1), SentAt: r.Time(2)), ct,
                ("chats", keys.Keys.ToArray()), ("from", from), ("to", to), ("before", before ?? long.MaxValue));
            var matches = new Dictionary<(string, long), DateTimeOffset>();
            foreach (var row in rows)
                if (found is null || found.ContainsKey((row.Chat, row.Id))) matches[(row.Chat, row.Id)] = row.SentAt;
            found = matches;
            if (found.Count == 0) break;
        }
        return (found ?? []).Select(f => new SearchHit(keys[f.Key.Chat], f.Key.Id, f.Value)).ToList();
    }

    /// <summary>
    /// The key range of every word starting with <paramref name="prefix"/>. U+10FFFF is a noncharacter, never part
    /// of a word (<see cref="SearchWords"/> keeps letters, digits and marks only), so in byte order every such word
    /// sorts below the prefix followed by it.
    /// </summary>
    public static (string From, string To) PrefixRange(string prefix) => (prefix, prefix + "\U0010FFFF");

    /// <summary>Indexes the messages stored before the index existed (schema step 2), a batch at a time in key order.</summary>
    public static async Task BackfillAsync(NpgsqlConnection c, CancellationToken ct)
    {
        var (chat, id) = ("", long.MinValue);
        while (true)
        {
            var batch = await c.QueryAsync(
                // Only what the index holds is read; the sender is a placeholder.
                "SELECT chat, id, text, sent_at FROM messages WHERE (chat, id) > (@chat, @id) ORDER BY chat, id LIMIT @count",
                r => (Chat: r.GetString(0), Message: new MessageRecord { Id = r.GetInt64(1), SenderId = 0, Text = r.NullableString(2), SentAt = r.Time(3) }),
                ct, ("chat", chat), ("id", id), ("count", BackfillBatch));
            await InsertAsync(c, batch.Select(row => (new ChatKey(row.Chat), row.Message)), ct);
            if (batch.Count < BackfillBatch) return;
            (chat, id) = (batch[^1].Chat, batch[^1].Message.Id);
        }
    }
}
