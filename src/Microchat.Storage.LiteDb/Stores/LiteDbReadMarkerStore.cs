using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>Read markers in the <c>read_markers</c> collection.</summary>
internal sealed class LiteDbReadMarkerStore : IReadMarkerStore
{
    private const string Collection = "read_markers";
    private readonly LiteDbStorage _storage;

    public LiteDbReadMarkerStore(LiteDbStorage storage)
    {
        _storage = storage;
        _storage.EnsureSchema(db =>
        {
            Markers(db).EnsureIndex(m => m.ReaderId);
            Markers(db).EnsureIndex(m => m.Chat);
        });
    }

    public ValueTask SetAsync(long readerId, ChatKey chat, long messageId, CancellationToken cancellationToken)
    {
        _storage.Write(db =>
        {
            var markers = Markers(db);
            var key = ReadMarkerDocument.KeyOf(readerId, chat);
            var marker = markers.FindById(key);
            if (marker is not null && marker.MessageId >= messageId) return;
            markers.Upsert(new ReadMarkerDocument { Id = key, ReaderId = readerId, Chat = chat.Value, MessageId = messageId });
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyDictionary<ChatKey, long>> GetAsync(long readerId, IReadOnlyCollection<ChatKey> chats, CancellationToken cancellationToken)
    {
        if (chats.Count == 0) return ValueTask.FromResult<IReadOnlyDictionary<ChatKey, long>>(new Dictionary<ChatKey, long>());
        var keys = chats.Select(c => new BsonValue(ReadMarkerDocument.KeyOf(readerId, c))).ToArray();
        return ValueTask.FromResult<IReadOnlyDictionary<ChatKey, long>>(_storage.Read(db => Markers(db)
            .Find(QueryExpressions.KeyIn(keys)).ToDictionary(m => new ChatKey(m.Chat), m => m.MessageId)));
    }

    public ValueTask DeleteChatAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        _storage.Write(db => Markers(db).DeleteMany(m => m.Chat == chat.Value));
        return ValueTask.CompletedTask;
    }

    public ValueTask DeleteReaderAsync(long readerId, CancellationToken cancellationToken)
    {
        _storage.Write(db => Markers(db).DeleteMany(m => m.ReaderId == readerId));
        return ValueTask.CompletedTask;
    }

    private static ILiteCollection<ReadMarkerDocument> Markers(LiteDatabase db) => db.GetCollection<ReadMarkerDocument>(Collection);
}
