using Npgsql;

namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>
/// The <c>reactions</c> and <c>reaction_counts</c> tables, for the stores that change them in their own
/// transaction: the reaction store, and the message store, whose deletions take a message's reactions along.
/// </summary>
internal static class PgReactionTables
{
    /// <summary>A message's counts: its emoji in order of first use, how many hold each, and the last reaction number given.</summary>
    public sealed record Counts(List<string> Emojis, List<int> Numbers, long LastSeq);

    /// <summary>
    /// Whether the message exists, holding a key-share lock on it until commit: a deletion of the message waits
    /// for this reaction change (and then takes the reaction along), or this change waits and finds it gone.
    /// </summary>
    public static async Task<bool> LockMessageAsync(NpgsqlConnection c, ChatKey chat, long messageId, CancellationToken ct) =>
        await c.ScalarAsync("SELECT count(*) FROM (SELECT 1 FROM messages WHERE chat = @chat AND id = @id FOR KEY SHARE) AS found", ct,
            ("chat", chat.Value), ("id", messageId)) > 0;

    /// <summary>
    /// The message's counts, its row created when missing and locked until commit, so one change at a time
    /// reads and writes them (on every host). The no-op update is what takes the lock and returns the row.
    /// </summary>
    public static async Task<Counts> LockCountsAsync(NpgsqlConnection c, ChatKey chat, long messageId, CancellationToken ct) =>
        (await c.QuerySingleAsync(
            """
            INSERT INTO reaction_counts (chat, message_id, emojis, counts, last_seq) VALUES (@chat, @id, '{}', '{}', 0)
            ON CONFLICT (chat, message_id) DO UPDATE SET last_seq = reaction_counts.last_seq
            RETURNING emojis, counts, last_seq
            """, ReadCounts, ct, ("chat", chat.Value), ("id", messageId)))!;

    /// <summary>The message's counts locked until commit, or null when nobody ever reacted to it (nothing to remove).</summary>
    public static Task<Counts?> LockExistingCountsAsync(NpgsqlConnection c, ChatKey chat, long messageId, CancellationToken ct) =>
        c.QuerySingleAsync("SELECT emojis, counts, last_seq FROM reaction_counts WHERE chat = @chat AND message_id = @id FOR UPDATE",
            ReadCounts, ct, ("chat", chat.Value), ("id", messageId));

    public static Task SaveCountsAsync(NpgsqlConnection c, ChatKey chat, long messageId, Counts counts, CancellationToken ct) =>
        c.ExecuteAsync("UPDATE reaction_counts SET emojis = @emojis, counts = @counts, last_seq = @seq WHERE chat = @chat AND message_id = @id",
            ct, ("emojis", counts.Emojis.ToArray()), ("counts", counts.Numbers.ToArray()), ("seq", counts.LastSeq),
            ("chat", chat.Value), ("id", messageId));

    /// <summary>Every reaction of one message, with its counts, as of now.</summary>
    public static async Task<ReactionState> StateAsync(NpgsqlConnection c, ChatKey chat, long messageId, CancellationToken ct)
    {
        var counts = await c.QuerySingleAsync("SELECT emojis, counts, last_seq FROM reaction_counts WHERE chat = @chat AND message_id = @id",
            ReadCounts, ct, ("chat", chat.Value), ("id", messageId));
        if (counts is null || counts.Emojis.Count == 0) return ReactionState.Empty;
        var reactions = await c.QueryAsync("SELECT reactor_id, emoji FROM reactions WHERE chat = @chat AND message_id = @id ORDER BY seq",
            r => (Reactor: r.GetInt64(0), Emoji: r.GetString(1)), ct, ("chat", chat.Value), ("id", messageId));
        var byReactor = reactions.GroupBy(r => r.Reactor)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.Emoji).ToList());
        return new ReactionState(Present(counts.Emojis, counts.Numbers), byReactor);
    }

    public static IReadOnlyList<ReactionCount> Present(IReadOnlyList<string> emojis, IReadOnlyList<int> numbers) =>
        emojis.Select((e, i) => new ReactionCount(e, numbers[i])).ToList();

    /// <summary>Removes one message's reactions; call in the transaction that deletes the message.</summary>
    public static async Task DeleteMessageAsync(NpgsqlConnection c, ChatKey chat, long messageId, CancellationToken ct)
    {
        await c.ExecuteAsync("DELETE FROM reactions WHERE chat = @chat AND message_id = @id", ct, ("chat", chat.Value), ("id", messageId));
        await c.ExecuteAsync("DELETE FROM reaction_counts WHERE chat = @chat AND message_id = @id", ct, ("chat", chat.Value), ("id", messageId));
    }

    /// <summary>Removes every reaction of one chat; call in the transaction that deletes the chat.</summary>
    public static async Task DeleteChatAsync(NpgsqlConnection c, ChatKey chat, CancellationToken ct)
    {
        await c.ExecuteAsync("DELETE FROM reactions WHERE chat = @chat", ct, ("chat", chat.Value));
        await c.ExecuteAsync("DELETE FROM reaction_counts WHERE chat = @chat", ct, ("chat", chat.Value));
    }

    private static Counts ReadCounts(NpgsqlDataReader r) => new([.. r.GetFieldValue<string[]>(0)], [.. r.GetFieldValue<int[]>(1)], r.GetInt64(2));
}
