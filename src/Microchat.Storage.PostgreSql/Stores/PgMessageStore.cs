using Microchat.Contracts;
using Npgsql;

namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>
/// Histories in <c>messages</c> keyed by (chat, id), galleries in <c>gallery</c> keyed by (chat,
/// kind, id), and where each chat stands in <c>chats</c>. A chat's row is its id counter: the
/// append updates it in the same transaction, so its row lock hands out dense ids to writers on
/// every host. Every history read is a range of the primary key, read backwards. The word index,
/// edit history and reactions of a message change in the same transaction as the message.
/// </summary>
internal sealed class PgMessageStore(PgDatabase database) : IMessageStore
{
    internal const string Columns =
        "id, sender_id, text, attachment_ids, attachment_kinds, attachment_media, link_ids, link_urls, reply_to, sent_at, edited_at";

    public async ValueTask<MessageRecord> AppendAsync(ChatKey chat, MessageRecord message, CancellationToken cancellationToken) =>
        await database.RunAsync(async (c, ct) =>
        {
            var fresh = NewItems(message);
            var (id, lastAttachment) = (await c.QuerySingleAsync(
                """
                INSERT INTO chats (key, last_message_id, last_attachment_id, last_activity_at, participants)
                VALUES (@chat, 1, @fresh, @at, @participants)
                ON CONFLICT (key) DO UPDATE SET last_message_id = chats.last_message_id + 1,
                    last_attachment_id = chats.last_attachment_id + @fresh, last_activity_at = @at
                RETURNING last_message_id, last_attachment_id
                """, r => (r.GetInt64(0), r.GetInt64(1)), ct,
                ("chat", chat.Value), ("fresh", (long)fresh), ("at", PgCommands.Utc(message.SentAt)),
                ("participants", chat.Participants.Distinct().ToArray())));
            var stored = Number(message with { Id = id }, lastAttachment - fresh);
            await c.ExecuteAsync(
                $"""
                INSERT INTO messages (chat, {Columns})
                VALUES (@chat, @id, @sender, @text, @aids, @akinds, @amedia, @lids, @lurls, @reply, @sent, @edited)
                """, ct, [("chat", chat.Value), .. Parameters(stored)]);
            await AddGalleryAsync(c, chat, stored, ct);
            await PgMessageWords.AddAsync(c, chat, stored, ct);
            return stored;
        }, cancellationToken);

    public ValueTask<MessageRecord?> GetAsync(ChatKey chat, long id, CancellationToken cancellationToken) =>
        database.RunAsync((c, ct) => c.QuerySingleAsync($"SELECT {Columns} FROM messages WHERE chat = @chat AND id = @id", Read, ct,
            ("chat", chat.Value), ("id", id)), cancellationToken);

    public async ValueTask<IReadOnlyList<MessageRecord>> ListAsync(ChatKey chat, MessageQuery query, CancellationToken cancellationToken)
    {
        if (query.Before < 2 || query.Count <= 0) return [];
        return await database.RunAsync(async (c, ct) =>
        {
            var result = new List<MessageRecord>(query.Count);
            var skip = query.Offset;
            var newest = query.Before is { } before ? before - 1 : long.MaxValue;
            foreach (var (from, to) in Ranges(query.Spans, newest))
            {
                var page = await c.QueryAsync(PageSql, Read, ct, ("chat", chat.Value), ("from", from), ("to", to),
                    ("skip", skip), ("count", query.Count - result.Count));
                if (page.Count == 0)
                {
                    // Skipped past this whole span: count what it held against the offset.
                    if (skip > 0)
                        skip = (int)Math.Max(0, skip - await c.ScalarAsync(
                            "SELECT count(*) FROM messages WHERE chat = @chat AND id BETWEEN @from AND @to", ct,
                            ("chat", chat.Value), ("from", from), ("to", to)));
                    continue;
                }
                skip = 0;
                result.AddRange(page);
                if (result.Count >= query.Count) break;
            }
            return (IReadOnlyList<MessageRecord>)result;
        }, cancellationToken);
    }

    /// <summary>One page of a chat's history: a backward range scan of the primary key (the plan test checks it).</summary>
    internal const string PageSql =
        $"SELECT {Columns} FROM messages WHERE chat = @chat AND id BETWEEN @from AND @to ORDER BY id DESC OFFSET @skip LIMIT @count";

    public ValueTask<MessageRecord?> UpdateAsync(ChatKey chat, MessageRecord message, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) =>
        {
            var current = await c.QuerySingleAsync($"SELECT {Columns} FROM messages WHERE chat = @chat AND id = @id FOR UPDATE", Read, ct,
                ("chat", chat.Value), ("id", message.Id));
            if (current is null) return null;
            var fresh = NewItems(message);
            var lastAttachment = await c.ScalarAsync(
                "UPDATE chats SET last_attachment_id = last_attachment_id + @fresh WHERE key = @chat RETURNING last_attachment_id", ct,
                ("fresh", (long)fresh), ("chat", chat.Value));
            var stored = Number(current with { Text = message.Text, EditedAt = message.EditedAt, Attachments = message.Attachments, Links = message.Links },
                lastAttachment - fresh);
            await RemoveGalleryAsync(c, chat, current, ct);
            // The version it replaces and its words change in this same transaction.
            await PgMessageVersions.KeepAsync(c, chat, current, message.EditedAt ?? current.SentAt, ct);
            await PgMessageWords.RemoveAsync(c, chat, current, ct);
            await c.ExecuteAsync(
                """
                UPDATE messages SET text = @text, attachment_ids = @aids, attachment_kinds = @akinds, attachment_media = @amedia,
                    link_ids = @lids, link_urls = @lurls, edited_at = @edited
                WHERE chat = @chat AND id = @id
                """, ct, [("chat", chat.Value), .. Parameters(stored)]);
            await AddGalleryAsync(c, chat, stored, ct);
            await PgMessageWords.AddAsync(c, chat, stored, ct);
            return stored;
        }, cancellationToken);

    public ValueTask<bool> DeleteAsync(ChatKey chat, long id, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) =>
        {
            var current = await c.QuerySingleAsync($"DELETE FROM messages WHERE chat = @chat AND id = @id RETURNING {Columns}", Read, ct,
                ("chat", chat.Value), ("id", id));
            if (current is null) return false;
            // Its gallery items, words, reactions and versions go with it.
            await RemoveGalleryAsync(c, chat, current, ct);
            await PgMessageWords.RemoveAsync(c, chat, current, ct);
            await PgReactionTables.DeleteMessageAsync(c, chat, id, ct);
            await PgMessageVersions.DeleteMessageAsync(c, chat, id, ct);
            return true;
        }, cancellationToken);

    public ValueTask<int> CountAfterAsync(ChatKey chat, long afterId, long excludeSenderId, IReadOnlyList<MessageSpan>? spans,
        CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) =>
        {
            long count = 0;
            foreach (var (from, to) in Ranges(spans, long.MaxValue))
            {
                var first = Math.Max(from, afterId + 1);
                if (first > to) continue;
                count += await c.ScalarAsync(
                    "SELECT count(*) FROM messages WHERE chat = @chat AND id BETWEEN @from AND @to AND sender_id <> @sender", ct,
                    ("chat", chat.Value), ("from", first), ("to", to), ("sender", excludeSenderId));
            }
            return (int)count;
        }, cancellationToken);

    public async ValueTask<IReadOnlyList<GalleryRecord>> ListGalleryAsync(ChatKey chat, GalleryKind kind, int offset, int count,
        IReadOnlyList<MessageSpan>? spans, CancellationToken cancellationToken) =>
        await database.RunAsync((c, ct) => c.QueryAsync(
            """
            SELECT id, message_id, sender_id, sent_at, kind, media_id, url FROM gallery
            WHERE chat = @chat AND kind = @kind
              AND (@all OR EXISTS (SELECT 1 FROM unnest(@froms::bigint[], @tos::bigint[]) AS s(f, t)
                                   WHERE message_id >= s.f AND (s.t IS NULL OR message_id <= s.t)))
            ORDER BY id DESC OFFSET @offset LIMIT @count
            """, ReadGallery, ct, ("chat", chat.Value), ("kind", (int)kind), ("all", spans is null),
            ("froms", (spans ?? []).Select(s => s.From).ToArray()), ("tos", (spans ?? []).Select(s => s.To).ToArray()),
            ("offset", offset), ("count", count)), cancellationToken);

    public ValueTask<GalleryRecord?> GetGalleryItemAsync(ChatKey chat, GalleryKind kind, long id, CancellationToken cancellationToken) =>
        database.RunAsync((c, ct) => c.QuerySingleAsync(
            "SELECT id, message_id, sender_id, sent_at, kind, media_id, url FROM gallery WHERE chat = @chat AND kind = @kind AND id = @id",
            ReadGallery, ct, ("chat", chat.Value), ("kind", (int)kind), ("id", id)), cancellationToken);

    public ValueTask<bool> DeleteGalleryItemAsync(ChatKey chat, GalleryKind kind, long id, CancellationToken cancellationToken) =>
        database.RunAsync(async (c, ct) =>
        {
            var item = await c.QuerySingleAsync(
                "DELETE FROM gallery WHERE chat = @chat AND kind = @kind AND id = @id RETURNING id, message_id, sender_id, sent_at, kind, media_id, url",
                ReadGallery, ct, ("chat", chat.Value), ("kind", (int)kind), ("id", id));
            if (item is null) return false;
            var message = await c.QuerySingleAsync($"SELECT {Columns} FROM messages WHERE chat = @chat AND id = @id FOR UPDATE", Read, ct,
                ("chat", chat.Value), ("id", item.MessageId));
            if (message is not null)
            {
                var kept = message with
                {
                    Attachments = message.Attachments.Where(a => a.Id != id).ToList(),
                    Links = message.Links.Where(l => l.Id != id).ToList(),
                };
                await c.ExecuteAsync(
                    """
                    UPDATE messages SET attachment_ids = @aids, attachment_kinds = @akinds, attachment_media = @amedia,
                        link_ids = @lids, link_urls = @lurls
                    WHERE chat = @chat AND id = @id
                    """, ct, [("chat", chat.Value), .. Parameters(kept)]);
            }
            return true;
        }, cancellationToken);

    public async ValueTask<IReadOnlyList<ChatActivity>> GetActivityAsync(IReadOnlyCollection<ChatKey> chats, CancellationToken cancellationToken)
    {
        if (chats.Count == 0) return [];
        return await database.RunAsync((c, ct) => c.QueryAsync(
            "SELECT key, last_message_id, last_activity_at FROM chats WHERE key = ANY(@keys) AND last_message_id > 0",
            r => new ChatActivity(new ChatKey(r.GetString(0)), r.GetInt64(1), r.Time(2)), ct,
            ("keys", chats.Select(k => k.Value).Distinct().ToArray())), cancellationToken);
    }

    public ValueTask<long> GetLastIdAsync(ChatKey chat, CancellationToken cancellationToken) =>
        database.RunAsync((c, ct) => c.ScalarAsync("SELECT coalesce((SELECT last_message_id FROM chats WHERE key = @chat), 0)", ct,
            ("chat", chat.Value)), cancellationToken);

    public async ValueTask<IReadOnlyList<ChatKey>> ListDialogsAsync(long entityId, CancellationToken cancellationToken) =>
        await database.RunAsync((c, ct) => c.QueryAsync(
            "SELECT key FROM chats WHERE participants @> ARRAY[@entity]::bigint[] AND last_message_id > 0",
            r => new ChatKey(r.GetString(0)), ct, ("entity", entityId)), cancellationToken);

    public ValueTask DeleteChatAsync(ChatKey chat, CancellationToken cancellationToken) =>
        database.ExecuteAsync(async (c, ct) =>
        {
            await c.ExecuteAsync("DELETE FROM messages WHERE chat = @chat", ct, ("chat", chat.Value));
            await c.ExecuteAsync("DELETE FROM gallery WHERE chat = @chat", ct, ("chat", chat.Value));
            await PgMessageWords.DeleteChatAsync(c, chat, ct);
            await PgReactionTables.DeleteChatAsync(c, chat, ct);
            await PgMessageVersions.DeleteChatAsync(c, chat, ct);
            await c.ExecuteAsync("DELETE FROM chats WHERE key = @chat", ct, ("chat", chat.Value));
        }, cancellationToken);

    /// <summary>The id ranges to read, newest first: the spans (or everything) cut at <paramref name="newest"/>.</summary>
    private static IEnumerable<(long From, long To)> Ranges(IReadOnlyList<MessageSpan>? spans, long newest)
    {
        if (spans is null)
        {
            if (newest >= 1) yield return (1, newest);
            yield break;
        }
        foreach (var span in spans.OrderByDescending(s => s.From))
        {
            var to = Math.Min(span.To ?? long.MaxValue, newest);
            var from = Math.Max(span.From, 1);
            if (from <= to) yield return (from, to);
        }
    }

    private static int NewItems(MessageRecord message) => message.Attachments.Count(a => a.Id == 0) + message.Links.Count(l => l.Id == 0);

    /// <summary>Gives the new attachments and links (id 0) the ids after <paramref name="lastBefore"/>, in order.</summary>
    private static MessageRecord Number(MessageRecord message, long lastBefore)
    {
        var next = lastBefore;
        var attachments = message.Attachments.Select(a => a.Id == 0 ? a with { Id = ++next } : a).ToList();
        var links = message.Links.Select(l => l.Id == 0 ? l with { Id = ++next } : l).ToList();
        return message with { Attachments = attachments, Links = links };
    }

    private static async Task AddGalleryAsync(NpgsqlConnection c, ChatKey chat, MessageRecord message, CancellationToken ct)
    {
        var items = message.Attachments.Select(a => (Kind: GalleryKinds.Of(a.Kind), a.Id, MediaId: (string?)a.MediaId, Url: (string?)null))
            .Concat(message.Links.Select(l => (Kind: GalleryKind.Links, l.Id, MediaId: (string?)null, Url: (string?)l.Url)));
        foreach (var item in items)
        {
            await c.ExecuteAsync(
                """
                INSERT INTO gallery (chat, kind, id, message_id, sender_id, sent_at, media_id, url)
                VALUES (@chat, @kind, @id, @message, @sender, @sent, @media, @url)
                ON CONFLICT (chat, kind, id) DO UPDATE SET message_id = excluded.message_id, sender_id = excluded.sender_id,
                    sent_at = excluded.sent_at, media_id = excluded.media_id, url = excluded.url
                """, ct, ("chat", chat.Value), ("kind", (int)item.Kind), ("id", item.Id), ("message", message.Id),
                ("sender", message.SenderId), ("sent", PgCommands.Utc(message.SentAt)), ("media", item.MediaId), ("url", item.Url));
        }
    }

    private static async Task RemoveGalleryAsync(NpgsqlConnection c, ChatKey chat, MessageRecord message, CancellationToken ct)
    {
        foreach (var a in message.Attachments)
            await c.ExecuteAsync("DELETE FROM gallery WHERE chat = @chat AND kind = @kind AND id = @id", ct,
                ("chat", chat.Value), ("kind", (int)GalleryKinds.Of(a.Kind)), ("id", a.Id));
        foreach (var l in message.Links)
            await c.ExecuteAsync("DELETE FROM gallery WHERE chat = @chat AND kind = @kind AND id = @id", ct,
                ("chat", chat.Value), ("kind", (int)GalleryKind.Links), ("id", l.Id));
    }

    private static (string, object?)[] Parameters(MessageRecord m) =>
    [
        ("id", m.Id), ("sender", m.SenderId), ("text", m.Text),
        ("aids", m.Attachments.Select(a => a.Id).ToArray()), ("akinds", m.Attachments.Select(a => (int)a.Kind).ToArray()),
        ("amedia", m.Attachments.Select(a => a.MediaId).ToArray()),
        ("lids", m.Links.Select(l => l.Id).ToArray()), ("lurls", m.Links.Select(l => l.Url).ToArray()),
        ("reply", m.ReplyTo), ("sent", PgCommands.Utc(m.SentAt)), ("edited", PgCommands.Utc(m.EditedAt)),
    ];

    internal static MessageRecord Read(NpgsqlDataReader r)
    {
        var ids = r.GetFieldValue<long[]>(3);
        var kinds = r.GetFieldValue<int[]>(4);
        var media = r.GetFieldValue<string[]>(5);
        var linkIds = r.GetFieldValue<long[]>(6);
        var urls = r.GetFieldValue<string[]>(7);
        return new MessageRecord
        {
            Id = r.GetInt64(0), SenderId = r.GetInt64(1), Text = r.NullableString(2),
            Attachments = ids.Select((id, i) => new AttachmentRecord(id, (MediaKind)kinds[i], media[i])).ToList(),
            Links = linkIds.Select((id, i) => new LinkRecord(id, urls[i])).ToList(),
            ReplyTo = r.NullableLong(8), SentAt = r.Time(9), EditedAt = r.NullableTime(10),
        };
    }

    private static GalleryRecord ReadGallery(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0), MessageId = r.GetInt64(1), SenderId = r.GetInt64(2), SentAt = r.Time(3), Kind = (GalleryKind)r.GetInt32(4),
        MediaId = r.NullableString(5), Url = r.NullableString(6),
    };
}
