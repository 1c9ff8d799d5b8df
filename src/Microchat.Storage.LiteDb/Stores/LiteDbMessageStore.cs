using LiteDB;
using Microchat.Contracts;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>
/// Chats' histories in <c>messages</c>, their galleries in <c>gallery</c> and where each chat stands
/// in <c>chats</c>. Every history read is a range of a primary index (see <see cref="MessageKeys"/>).
/// </summary>
internal sealed class LiteDbMessageStore : IMessageStore
{
    private const string Chats = "chats";
    private const string Messages = "messages";
    private const string Gallery = "gallery";
    private readonly LiteDbStorage _storage;

    public LiteDbMessageStore(LiteDbStorage storage)
    {
        _storage = storage;
        _storage.EnsureSchema(db => ChatsOf(db).EnsureIndex("participants", "$.Participants[*]"));
    }

    public ValueTask<MessageRecord> AppendAsync(ChatKey chat, MessageRecord message, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            var chats = ChatsOf(db);
            var state = chats.FindById(chat.Value) ?? new ChatDocument
            {
                Id = chat.Value,
                Number = Sequences.Next(db, Chats),
                Participants = chat.Participants.Distinct().ToList(),
            };
            var document = new MessageDocument
            {
                Id = MessageKeys.Message(state.Number, ++state.LastMessageId),
                SenderId = message.SenderId,
                Text = message.Text,
                ReplyTo = message.ReplyTo,
                SentAt = message.SentAt,
                EditedAt = message.EditedAt,
            };
            Number(document, message, state);
            state.LastActivityAt = message.SentAt;
            MessagesOf(db).Insert(document);
            AddGallery(db, state, document);
            MessageWordIndex.Add(db, state.Number, document);
            chats.Upsert(state);
            return document.ToRecord();
        }));

    public ValueTask<MessageRecord?> GetAsync(ChatKey chat, long id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Read(db =>
            MessageKeys.IsId(id) && ChatsOf(db).FindById(chat.Value) is { } state
                ? MessagesOf(db).FindById(MessageKeys.Message(state.Number, id))?.ToRecord()
                : null));

    public ValueTask<IReadOnlyList<MessageRecord>> ListAsync(ChatKey chat, MessageQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<MessageRecord>>(_storage.Read(db =>
        {
            if (query.Before < 2 || ChatsOf(db).FindById(chat.Value) is not { } state) return [];
            var result = new List<MessageRecord>(query.Count);
            var skip = query.Offset;
            var newest = Math.Min(query.Before is { } before ? before - 1 : long.MaxValue, state.LastMessageId);
            foreach (var (from, to) in Ranges(query.Spans, newest))
            {
                // LiteDB translates captured locals, not method calls: compute the keys first.
                var low = MessageKeys.Message(state.Number, from);
                var high = MessageKeys.Message(state.Number, to);
                var page = MessagesOf(db).Query()
                    .Where(Range(low, high))
                    .OrderByDescending(m => m.Id)
                    .Offset(skip).Limit(query.Count - result.Count)
                    .ToList();
                if (page.Count == 0)
                {
                    // Skipped past this whole span: count what it held against the offset.
                    skip = Math.Max(0, skip - MessagesOf(db).Count(Range(low, high)));
                    continue;
                }
                skip = 0;
                result.AddRange(page.Select(m => m.ToRecord()));
                if (result.Count >= query.Count) break;
            }
            return result;
        }));

    public ValueTask<MessageRecord?> UpdateAsync(ChatKey chat, MessageRecord message, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            var chats = ChatsOf(db);
            if (!MessageKeys.IsId(message.Id) || chats.FindById(chat.Value) is not { } state) return null;
            var messages = MessagesOf(db);
            var document = messages.FindById(MessageKeys.Message(state.Number, message.Id));
            if (document is null) return null;
            RemoveGallery(db, state, document);
            // The version it replaces and its words change in this same commit.
            VersionTables.Keep(db, document, message.EditedAt ?? document.SentAt);
            MessageWordIndex.Remove(db, state.Number, document);
            document.Text = message.Text;
            document.EditedAt = message.EditedAt;
            Number(document, message, state);
            messages.Update(document);
            AddGallery(db, state, document);
            MessageWordIndex.Add(db, state.Number, document);
            chats.Update(state);
            return document.ToRecord();
        }));

    public ValueTask<bool> DeleteAsync(ChatKey chat, long id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            if (!MessageKeys.IsId(id) || ChatsOf(db).FindById(chat.Value) is not { } state) return false;
            var messages = MessagesOf(db);
            var document = messages.FindById(MessageKeys.Message(state.Number, id));
            if (document is null) return false;
            RemoveGallery(db, state, document);
            MessageWordIndex.Remove(db, state.Number, document);
            ReactionTables.DeleteMessage(db, document.Id);
            VersionTables.DeleteMessage(db, document.Id);
            return messages.Delete(document.Id);
        }));

    public ValueTask<int> CountAfterAsync(ChatKey chat, long afterId, long excludeSenderId, IReadOnlyList<MessageSpan>? spans, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Read(db =>
        {
            if (ChatsOf(db).FindById(chat.Value) is not { } state) return 0;
            var count = 0;
            foreach (var (from, to) in Ranges(spans, state.LastMessageId))
            {
                var first = Math.Max(from, afterId + 1);
                if (first > to) continue;
                var low = MessageKeys.Message(state.Number, first);
                var high = MessageKeys.Message(state.Number, to);
                count += MessagesOf(db).Count(QueryExpressions.KeyBetweenAndNot(low, high, nameof(MessageDocument.SenderId), excludeSenderId));
            }
            return count;
        }));

    public ValueTask<IReadOnlyList<GalleryRecord>> ListGalleryAsync(ChatKey chat, GalleryKind kind, int offset, int count,
        IReadOnlyList<MessageSpan>? spans, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<GalleryRecord>>(_storage.Read(db =>
        {
            if (ChatsOf(db).FindById(chat.Value) is not { } state) return [];
            var (first, last) = MessageKeys.GalleryRange(state.Number, kind);
            var query = GalleryOf(db).Query().Where(Range(first, last)).OrderByDescending(g => g.Id);
            if (spans is null) return query.Offset(offset).Limit(count).ToList().Select(g => g.ToRecord()).ToList();
            // A private conference's reader: items of messages outside its spans are skipped as they stream by.
            return query.ToEnumerable()
                .Where(g => spans.Any(s => s.Contains(g.MessageId)))
                .Skip(offset).Take(count).Select(g => g.ToRecord()).ToList();
        }));

    public ValueTask<GalleryRecord?> GetGalleryItemAsync(ChatKey chat, GalleryKind kind, long id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Read(db =>
            MessageKeys.IsId(id) && ChatsOf(db).FindById(chat.Value) is { } state
                ? GalleryOf(db).FindById(MessageKeys.Gallery(state.Number, kind, id))?.ToRecord()
                : null));

    public ValueTask<bool> DeleteGalleryItemAsync(ChatKey chat, GalleryKind kind, long id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            if (!MessageKeys.IsId(id) || ChatsOf(db).FindById(chat.Value) is not { } state) return false;
            var gallery = GalleryOf(db);
            var item = gallery.FindById(MessageKeys.Gallery(state.Number, kind, id));
            if (item is null) return false;
            var messages = MessagesOf(db);
            var message = messages.FindById(MessageKeys.Message(state.Number, item.MessageId));
            if (message is not null)
            {
                message.Attachments.RemoveAll(a => a.Id == id);
                message.Links.RemoveAll(l => l.Id == id);
                messages.Update(message);
            }
            return gallery.Delete(item.Id);
        }));

    public ValueTask<IReadOnlyList<ChatActivity>> GetActivityAsync(IReadOnlyCollection<ChatKey> chats, CancellationToken cancellationToken)
    {
        if (chats.Count == 0) return ValueTask.FromResult<IReadOnlyList<ChatActivity>>([]);
        var keys = chats.Select(c => new BsonValue(c.Value)).ToArray();
        return ValueTask.FromResult<IReadOnlyList<ChatActivity>>(_storage.Read(db => ChatsOf(db)
            .Find(QueryExpressions.KeyIn(keys)).Where(c => c.LastMessageId > 0)
            .Select(c => new ChatActivity(new ChatKey(c.Id), c.LastMessageId, c.LastActivityAt)).ToList()));
    }

    public ValueTask<long> GetLastIdAsync(ChatKey chat, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Read(db => ChatsOf(db).FindById(chat.Value)?.LastMessageId ?? 0));

    public ValueTask<IReadOnlyList<ChatKey>> ListDialogsAsync(long entityId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ChatKey>>(_storage.Read(db => ChatsOf(db).Query()
            .Where("$.Participants[*] ANY = @0", new BsonValue(entityId))
            .ToList().Where(c => c.LastMessageId > 0).Select(c => new ChatKey(c.Id)).ToList()));

    public ValueTask DeleteChatAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        _storage.Write(db =>
        {
            var chats = ChatsOf(db);
            if (chats.FindById(chat.Value) is not { } state) return;
            var (first, last) = MessageKeys.MessageRange(state.Number);
            MessagesOf(db).DeleteMany(Range(first, last));
            var (galleryFirst, galleryLast) = MessageKeys.AllGalleriesRange(state.Number);
            GalleryOf(db).DeleteMany(Range(galleryFirst, galleryLast));
            MessageWordIndex.DeleteChat(db, state.Number);
            ReactionTables.DeleteChat(db, state.Number);
            VersionTables.DeleteChat(db, state.Number);
            chats.Delete(state.Id);
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A primary-key range. LiteDB turns "a &gt;= x AND a &lt;= y" into a one-sided scan plus a filter,
    /// which read backwards starts at the collection's end; BETWEEN scans just the range, either way.
    /// </summary>
    internal static BsonExpression Range(long first, long last) => QueryExpressions.KeyBetween(first, last);

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

    /// <summary>Copies a record's attachments and links into the document, numbering the new ones.</summary>
    private static void Number(MessageDocument document, MessageRecord message, ChatDocument state)
    {
        document.Attachments = message.Attachments
            .Select(a => new AttachmentDocument { Id = a.Id == 0 ? ++state.LastAttachmentId : a.Id, Kind = a.Kind, MediaId = a.MediaId })
            .ToList();
        document.Links = message.Links
            .Select(l => new LinkDocument { Id = l.Id == 0 ? ++state.LastAttachmentId : l.Id, Url = l.Url })
            .ToList();
    }

    private static void AddGallery(LiteDatabase db, ChatDocument state, MessageDocument message)
    {
        var id = MessageKeys.IdOf(message.Id);
        var items = message.Attachments
            .Select(a => Item(state, GalleryKinds.Of(a.Kind), a.Id, id, message, a.MediaId, null))
            .Concat(message.Links.Select(l => Item(state, GalleryKind.Links, l.Id, id, message, null, l.Url)));
        GalleryOf(db).Upsert(items);
    }

    private static GalleryDocument Item(ChatDocument state, GalleryKind kind, long itemId, long messageId, MessageDocument message,
        string? mediaId, string? url) => new()
    {
        Id = MessageKeys.Gallery(state.Number, kind, itemId), ItemId = itemId, Kind = kind, MessageId = messageId,
        SenderId = message.SenderId, SentAt = message.SentAt, MediaId = mediaId, Url = url,
    };

    private static void RemoveGallery(LiteDatabase db, ChatDocument state, MessageDocument message)
    {
        var gallery = GalleryOf(db);
        foreach (var a in message.Attachments) gallery.Delete(MessageKeys.Gallery(state.Number, GalleryKinds.Of(a.Kind), a.Id));
        foreach (var l in message.Links) gallery.Delete(MessageKeys.Gallery(state.Number, GalleryKind.Links, l.Id));
    }

    private static ILiteCollection<ChatDocument> ChatsOf(LiteDatabase db) => db.GetCollection<ChatDocument>(Chats);

    private static ILiteCollection<MessageDocument> MessagesOf(LiteDatabase db) => db.GetCollection<MessageDocument>(Messages);

    private static ILiteCollection<GalleryDocument> GalleryOf(LiteDatabase db) => db.GetCollection<GalleryDocument>(Gallery);
}
