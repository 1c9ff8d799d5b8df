namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>
/// Reactions in <c>reactions</c> (one row per reactor and emoji, numbered per message in order of arrival) and
/// each message's counts in <c>reaction_counts</c>. A change locks the message's counts row first, so changes
/// to one message run one at a time on every host and the counts stay exact; reading a page's reactions is one statement.
/// </summary>
internal sealed class PgReactionStore(PgDatabase database) : IReactionStore
{
    public ValueTask<ReactionChange> AddAsync(ChatKey chat, long messageId, string emoji, long reactorId, DateTimeOffset at,
        int maxDistinct, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) =>
        {
            if (!await PgReactionTables.LockMessageAsync(c, chat, messageId, ct)) return new ReactionChange(ReactionOutcome.NoMessage, ReactionState.Empty);
            var counts = await PgReactionTables.LockCountsAsync(c, chat, messageId, ct);
            if (await HasAsync(c, chat, messageId, emoji, reactorId, ct))
                return new ReactionChange(ReactionOutcome.Unchanged, await PgReactionTables.StateAsync(c, chat, messageId, ct));

            var index = counts.Emojis.IndexOf(emoji);
            if (index < 0)
            {
                if (counts.Emojis.Count >= maxDistinct)
                    return new ReactionChange(ReactionOutcome.TooManyEmoji, await PgReactionTables.StateAsync(c, chat, messageId, ct));
                counts.Emojis.Add(emoji);
                counts.Numbers.Add(1);
            }
            else
            {
                counts.Numbers[index]++;
            }
            var seq = counts.LastSeq + 1;
            await c.ExecuteAsync(
                """
                INSERT INTO reactions (chat, message_id, emoji, seq, reactor_id, reacted_at) VALUES (@chat, @id, @emoji, @seq, @reactor, @at)
                """, ct, ("chat", chat.Value), ("id", messageId), ("emoji", emoji), ("seq", seq), ("reactor", reactorId),
                ("at", PgCommands.Utc(at)));
            await PgReactionTables.SaveCountsAsync(c, chat, messageId, counts with { LastSeq = seq }, ct);
            return new ReactionChange(ReactionOutcome.Changed, await PgReactionTables.StateAsync(c, chat, messageId, ct));
        }, cancellationToken);

    public ValueTask<ReactionChange> RemoveAsync(ChatKey chat, long messageId, string emoji, long reactorId, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) =>
        {
            if (!await PgReactionTables.LockMessageAsync(c, chat, messageId, ct)) return new ReactionChange(ReactionOutcome.NoMessage, ReactionState.Empty);
            if (await PgReactionTables.LockExistingCountsAsync(c, chat, messageId, ct) is not { } counts)
                return new ReactionChange(ReactionOutcome.NoReaction, ReactionState.Empty);
            var removed = await c.ExecuteAsync(
                "DELETE FROM reactions WHERE reactor_id = @reactor AND chat = @chat AND message_id = @id AND emoji = @emoji", ct,
                ("reactor", reactorId), ("chat", chat.Value), ("id", messageId), ("emoji", emoji));
            if (removed == 0) return new ReactionChange(ReactionOutcome.NoReaction, await PgReactionTables.StateAsync(c, chat, messageId, ct));

            var index = counts.Emojis.IndexOf(emoji);
            if (index >= 0 && --counts.Numbers[index] <= 0)
            {
                // An emoji nobody holds any more leaves the order; used again, it comes last.
                counts.Emojis.RemoveAt(index);
                counts.Numbers.RemoveAt(index);
            }
            await PgReactionTables.SaveCountsAsync(c, chat, messageId, counts, ct);
            return new ReactionChange(ReactionOutcome.Changed, await PgReactionTables.StateAsync(c, chat, messageId, ct));
        }, cancellationToken);

    public async ValueTask<IReadOnlyList<long>> ListReactorsAsync(ChatKey chat, long messageId, string emoji, int offset, int count,
        CancellationToken cancellationToken) =>
        await database.RunAsync((c, ct) => c.QueryAsync(
            """
            SELECT reactor_id FROM reactions WHERE chat = @chat AND message_id = @id AND emoji = @emoji
            ORDER BY seq OFFSET @offset LIMIT @count
            """, r => r.GetInt64(0), ct, ("chat", chat.Value), ("id", messageId), ("emoji", emoji), ("offset", offset), ("count", count)),
            cancellationToken);

    public async ValueTask<IReadOnlyList<MessageReactions>> GetAsync(IReadOnlyCollection<(ChatKey Chat, long MessageId)> messages, long viewerId,
        CancellationToken cancellationToken)
    {
        if (messages.Count == 0) return [];
        var asked = messages.Distinct().ToList();
        var keys = asked.Select(m => m.Chat).Distinct().ToDictionary(k => k.Value, StringComparer.Ordinal);
        // The counts by primary key, and the viewer's own by the (reactor, chat, message) index: one statement for the page.
        return await database.RunAsync((c, ct) => c.QueryAsync(
            """
            SELECT counts.chat, counts.message_id, counts.emojis, counts.counts,
                coalesce((SELECT array_agg(mine.emoji ORDER BY mine.seq) FROM reactions mine
                          WHERE mine.reactor_id = @viewer AND mine.chat = counts.chat AND mine.message_id = counts.message_id), '{}')
            FROM reaction_counts counts
            JOIN unnest(@chats::text[], @ids::bigint[]) AS asked(chat, id) ON counts.chat = asked.chat AND counts.message_id = asked.id
            WHERE cardinality(counts.emojis) > 0
            """, r => new MessageReactions(keys[r.GetString(0)], r.GetInt64(1),
                PgReactionTables.Present(r.GetFieldValue<string[]>(2), r.GetFieldValue<int[]>(3)), r.GetFieldValue<string[]>(4)), ct,
            ("viewer", viewerId), ("chats", asked.Select(m => m.Chat.Value).ToArray()), ("ids", asked.Select(m => m.MessageId).ToArray())),
            cancellationToken);
    }

    public ValueTask<ReactionState> GetStateAsync(ChatKey chat, long messageId, CancellationToken cancellationToken) =>
        database.RunAsync((c, ct) => PgReactionTables.StateAsync(c, chat, messageId, ct), cancellationToken);

    private static async Task<bool> HasAsync(Npgsql.NpgsqlConnection c, ChatKey chat, long messageId, string emoji, long reactorId, CancellationToken ct) =>
        await c.ScalarAsync(
            "SELECT count(*) FROM reactions WHERE reactor_id = @reactor AND chat = @chat AND message_id = @id AND emoji = @emoji", ct,
            ("reactor", reactorId), ("chat", chat.Value), ("id", messageId), ("emoji", emoji)) > 0;
}
