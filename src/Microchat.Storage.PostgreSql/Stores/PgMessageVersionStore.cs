using Microchat.Contracts;
using Npgsql;

namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>Messages' earlier versions in <c>message_versions</c>, each message's a range of the primary key, read backwards.</summary>
internal sealed class PgMessageVersionStore(PgDatabase database) : IMessageVersionStore
{
    public async ValueTask<IReadOnlyList<MessageVersionRecord>> ListAsync(ChatKey chat, long messageId, int offset, int count,
        CancellationToken cancellationToken) =>
        await database.RunAsync((c, ct) => c.QueryAsync(
            """
            SELECT text, attachment_ids, attachment_kinds, attachment_media, edited_at FROM message_versions
            WHERE chat = @chat AND message_id = @id ORDER BY seq DESC OFFSET @offset LIMIT @count
            """, Read, ct, ("chat", chat.Value), ("id", messageId), ("offset", offset), ("count", count)), cancellationToken);

    private static MessageVersionRecord Read(NpgsqlDataReader r)
    {
        var ids = r.GetFieldValue<long[]>(1);
        var kinds = r.GetFieldValue<int[]>(2);
        var media = r.GetFieldValue<string[]>(3);
        return new MessageVersionRecord(r.NullableString(0),
            ids.Select((id, i) => new AttachmentRecord(id, (MediaKind)kinds[i], media[i])).ToList(), r.Time(4));
    }
}
