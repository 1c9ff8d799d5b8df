using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>Messages' earlier versions in <c>message_versions</c>, each message's a range of the primary index.</summary>
internal sealed class LiteDbMessageVersionStore(LiteDbStorage storage) : IMessageVersionStore
{
    public ValueTask<IReadOnlyList<MessageVersionRecord>> ListAsync(ChatKey chat, long messageId, int offset, int count,
        CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<MessageVersionRecord>>(storage.Read(db =>
        {
            if (!MessageKeys.IsId(messageId) || db.GetCollection<ChatDocument>("chats").FindById(chat.Value) is not { } state) return [];
            var key = MessageKeys.Message(state.Number, messageId);
            return VersionTables.VersionsOf(db).Query()
                .Where(BinaryExpressions.KeyBetween(BinaryKeys.PrefixRange(BinaryKeys.Message(key))))
                .OrderByDescending(v => v.Id)
                .Offset(offset).Limit(count)
                .ToList()
                .Select(v => new MessageVersionRecord(v.Text,
                    v.Attachments.Select(a => new AttachmentRecord(a.Id, a.Kind, a.MediaId)).ToList(), v.EditedAt))
                .ToList();
        }));
}
