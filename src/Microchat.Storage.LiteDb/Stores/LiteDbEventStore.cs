using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>
/// The event log in <c>events</c>: one document per event, its data and its recipients stored
/// once. There is no per-recipient copy: live streams are fed from memory as events commit, and
/// the log is read only to replay after a reconnect, as one primary-key range in id order.
/// </summary>
internal sealed class LiteDbEventStore : IEventStore
{
    private const string Collection = "events";
    private const int PruneChunk = 1_000;
    // How many log entries one replay read examines at most: a quiet recipient behind a busy log
    // moves forward in steps of this size instead of reading the whole log at once.
    internal const int ScanLimit = 2_000;
    private readonly LiteDbStorage _storage;

    public LiteDbEventStore(LiteDbStorage storage)
    {
        _storage = storage;
        _storage.EnsureSchema(db => Events(db).EnsureIndex(e => e.CreatedAt));
    }

    public ValueTask<IReadOnlyList<EventRecord>> AppendAsync(IReadOnlyList<EventRecord> events, CancellationToken cancellationToken) =>
        _storage.WriteAsync<IReadOnlyList<EventRecord>>(db =>
        {
            var collection = Events(db);
            var stored = new List<EventRecord>(events.Count);
            foreach (var e in events)
            {
                var document = new EventDocument
                {
                    Id = Sequences.Next(db, Collection), Name = e.Name, Data = e.Data,
                    Recipients = e.Recipients.Distinct().ToList(), CreatedAt = e.CreatedAt,
                };
                collection.Insert(document);
                stored.Add(document.ToRecord());
            }
            // The outbox: announced to the streams once this unit of work commits, never before.
            _storage.Writer.AddCommittedEvents(stored);
            return stored;
        }, cancellationToken);

    public async ValueTask<IReadOnlyList<EventRecord>> ReadAsync(long recipientId, long afterId, int max, CancellationToken cancellationToken)
    {
        var found = new List<EventRecord>();
        var position = afterId;
        while (found.Count < max)
        {
            var page = await ReadPageAsync(recipientId, position, max - found.Count, cancellationToken);
            found.AddRange(page.Events);
            if (page.Through == position) break;
            position = page.Through;
        }
        return found;
    }

    public ValueTask<EventPage> ReadPageAsync(long recipientId, long afterId, int max, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Read(db =>
        {
            var found = new List<EventRecord>();
            var through = Math.Max(afterId, 0);
            foreach (var e in Events(db).Find(QueryExpressions.KeyBetween(through + 1, long.MaxValue), 0, ScanLimit))
            {
                through = e.Id;
                if (!e.Recipients.Contains(recipientId)) continue;
                found.Add(e.ToRecord());
                if (found.Count == max) break;
            }
            return new EventPage(found, through);
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
        // In chunks, each its own commit: a large backlog (after a long downtime) neither sits in
        // memory whole nor holds the writer against new events for the whole prune.
        while (_storage.Write(db =>
               {
                   var events = Events(db);
                   var chunk = events.Find(e => e.CreatedAt < olderThan, 0, PruneChunk).Select(e => e.Id).ToList();
                   foreach (var id in chunk) events.Delete(id);
                   return chunk.Count == PruneChunk;
               }))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
        return ValueTask.CompletedTask;
    }

    internal static ILiteCollection<EventDocument> Events(LiteDatabase db) => db.GetCollection<EventDocument>(Collection);
}
