using Npgsql;

namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>The <c>message_versions</c> table, written by the message store in the transaction of each edit or deletion.</summary>
internal static class PgMessageVersions
{
    /// <summary>
    /// Keeps a message as it is now, before an edit made at <paramref name="editedAt"/> replaces it. The caller
    /// holds the message's row lock, so the next number is not taken by a concurrent edit.
    /// </summary>
    public static Task KeepAsync(NpgsqlConnection c, ChatKey chat, MessageRecord current, DateTimeOffset editedAt, CancellationToken ct) =>
        c.ExecuteAsync(
            """
            INSERT INTO message_versions (chat, message_id, seq, text, attachment_ids, attachment_kinds, attachment_media, edited_at)
            VALUES (@chat, @id,
                coalesce((SELECT max(seq) FROM message_versions WHERE chat = @chat AND message_id = @id), 0) + 1,
                @text, @aids, @akinds, @amedia, @edited)
            """, ct, ("chat", chat.Value), ("id", current.Id), ("text", current.Text),
            ("aids", current.Attachments.Select(a => a.Id).ToArray()), ("akinds", current.Attachments.Select(a => (int)a.Kind).ToArray()),
            ("amedia", current.Attachments.Select(a => a.MediaId).ToArray()), ("edited", PgCommands.Utc(editedAt)));

    public static Task DeleteMessageAsync(NpgsqlConnection c, ChatKey chat, long messageId, CancellationToken ct) =>
        c.ExecuteAsync("DELETE FROM message_versions WHERE chat = @chat AND message_id = @id", ct, ("chat", chat.Value), ("id", messageId));

    public static Task DeleteChatAsync(NpgsqlConnection c, ChatKey chat, CancellationToken ct) =>
        c.ExecuteAsync("DELETE FROM message_versions WHERE chat = @chat", ct, ("chat", chat.Value));
}
