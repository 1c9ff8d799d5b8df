using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>The <c>message_versions</c> collection, written by the message store inside the write of each edit or deletion.</summary>
internal static class VersionTables
{
    public const string Versions = "message_versions";

    public static ILiteCollection<MessageVersionDocument> VersionsOf(LiteDatabase db) => db.GetCollection<MessageVersionDocument>(Versions);

    /// <summary>Keeps a message as it is now, before an edit made at <paramref name="editedAt"/> replaces it.</summary>
    public static void Keep(LiteDatabase db, MessageDocument current, DateTimeOffset editedAt)
    {
        var versions = VersionsOf(db);
        var latest = versions.Query()
            .Where(BinaryExpressions.KeyBetween(BinaryKeys.PrefixRange(BinaryKeys.Message(current.Id))))
            .OrderByDescending(v => v.Id)
            .Limit(1)
            .FirstOrDefault();
        var sequence = latest is null ? 1 : System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(latest.Id.AsSpan(8)) + 1;
        versions.Insert(new MessageVersionDocument
        {
            Id = BinaryKeys.Version(current.Id, sequence),
            Text = current.Text,
            Attachments = current.Attachments.Select(a => new AttachmentDocument { Id = a.Id, Kind = a.Kind, MediaId = a.MediaId }).ToList(),
            EditedAt = editedAt,
        });
    }

    public static void DeleteMessage(LiteDatabase db, long messageKey) =>
        VersionsOf(db).DeleteMany(BinaryExpressions.KeyBetween(BinaryKeys.PrefixRange(BinaryKeys.Message(messageKey))));

    public static void DeleteChat(LiteDatabase db, long chatNumber)
    {
        var (first, last) = MessageKeys.MessageRange(chatNumber);
        VersionsOf(db).DeleteMany(BinaryExpressions.KeyBetween(BinaryKeys.MessagesRange(first, last)));
    }
}
