using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>
/// The event log in <c>events</c> (one document per event, its data stored once) and each
/// recipient's view of it in <c>event_inbox</c>, keyed so a stream reads a primary-index range.
/// </summary>
internal sealed class LiteDbEventStore : IEventStore
{
    private const string Collection = "events";
    private const string Inbox = "event_inbox";
    private const int PruneChunk = 1_000;
    private readonly LiteDbStorage _storage;

    public LiteDbEventStore(LiteDbStorage storage)
    {
        _storage = storage;
        _storage.EnsureSchema(db => Events(db).EnsureIndex(e => e.CreatedAt));
    }

    public ValueTask<IReadOnlyList<EventRecord>> AppendAsync(IReadOnlyList<EventRecord> events, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<EventRecord>>(_storage.Write(db =>
        {
            var collection = Events(db);
            var inbox = InboxOf(db);
            var stored = new List<EventRecord>(events.Count);
            foreach (var e in events)
            {
                var document = new EventDocument
                {
                    Id = Sequences.Next(db, Collection), Name = e.Name, Data = e.Data,
                    Recipients = e.Recipients.Distinct().ToList(), CreatedAt = e.CreatedAt,
                };
                collection.Insert(document);
                inbox.Insert(document.Recipients.Select(r => new EventInboxDocument { Id = EventInboxDocument.KeyOf(r, document.Id) }));
                stored.Add(document.ToRecord());
            }
            return stored;
        }));

    public ValueTask<IReadOnlyList<EventRecord>> ReadAsync(long recipientId, long afterId, int max, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<EventRecord>>(_storage.Read(db =>
        {
            var (first, last) = EventInboxDocument.After(recipientId, Math.Max(afterId, 0));
            var keys = InboxOf(db).Query().Where(Range(first, last)).OrderBy(i => i.Id).Limit(max).ToList();
            var events = Events(db);
            // An entry whose event was pruned between the two reads is past retention: skip it.
            return keys
                .Select(k => events.FindById(EventInboxDocument.EventIdOf(k.Id)))
                .Where(e => e is not null)
                .Select(e => e.ToRecord())
                .ToList();
        }));

    public ValueTask<(long OldestId, long LastId)> GetBoundsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Read(db =>
        {
            // The first document in primary-key order, not Count() or Min(): both would scan the log.
            var oldest = Events(db).Find(Query.All(Query.Ascending), 0, 1).FirstOrDefault()?.Id ?? 0;
            return (oldest, Sequences.Current(db, Collection));
        }));

    public ValueTask PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        // In chunks, each its own write: a large backlog (after a long downtime) neither sits in memory
        // whole nor holds the write lock against new events for the whole prune.
        while (_storage.Write(db =>
               {
                   var events = Events(db);
                   var inbox = InboxOf(db);
                   var chunk = events.Find(e => e.CreatedAt < olderThan, 0, PruneChunk).ToList();
                   foreach (var e in chunk)
                   {
                       foreach (var recipient in e.Recipients) inbox.Delete(EventInboxDocument.KeyOf(recipient, e.Id));
                       events.Delete(e.Id);
                   }
                   return chunk.Count == PruneChunk;
               }))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>A primary-key range, read in index order (see <c>LiteDbMessageStore.Range</c>).</summary>
    internal static BsonExpression Range(byte[] first, byte[] last) => Query.Between("_id", first, last);

    private static ILiteCollection<EventDocument> Events(LiteDatabase db) => db.GetCollection<EventDocument>(Collection);

    internal static ILiteCollection<EventInboxDocument> InboxOf(LiteDatabase db) => db.GetCollection<EventInboxDocument>(Inbox);
}
