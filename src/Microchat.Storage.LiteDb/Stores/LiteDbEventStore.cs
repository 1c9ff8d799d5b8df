using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>The event log in the <c>events</c> collection, indexed by recipient.</summary>
internal sealed class LiteDbEventStore : IEventStore
{
    private const string Collection = "events";
    private readonly LiteDbStorage _storage;

    public LiteDbEventStore(LiteDbStorage storage)
    {
        _storage = storage;
        _storage.EnsureSchema(db =>
        {
            var events = Events(db);
            events.EnsureIndex("recipients", "$.Recipients[*]");
            events.EnsureIndex(e => e.CreatedAt);
        });
    }

    public ValueTask<IReadOnlyList<EventRecord>> AppendAsync(IReadOnlyList<EventRecord> events, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<EventRecord>>(_storage.Write(db =>
        {
            var collection = Events(db);
            var stored = new List<EventRecord>(events.Count);
            foreach (var e in events)
            {
                var document = new EventDocument
                {
                    Id = Sequences.Next(db, Collection), Name = e.Name, Data = e.Data,
                    Recipients = e.Recipients.ToList(), CreatedAt = e.CreatedAt,
                };
                collection.Insert(document);
                stored.Add(document.ToRecord());
            }
            return stored;
        }));

    public ValueTask<IReadOnlyList<EventRecord>> ReadAsync(long recipientId, long afterId, int max, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<EventRecord>>(_storage.Read(db => Events(db).Query()
            .Where("$.Recipients[*] ANY = @0", new BsonValue(recipientId))
            .Where(e => e.Id > afterId)
            .OrderBy(e => e.Id).Limit(max).ToList()
            .Select(e => e.ToRecord()).ToList()));

    public ValueTask<(long OldestId, long LastId)> GetBoundsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Read(db =>
        {
            var events = Events(db);
            var oldest = events.Count() == 0 ? 0 : events.Min(e => e.Id);
            return (oldest, Sequences.Current(db, Collection));
        }));

    public ValueTask PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        _storage.Write(db => Events(db).DeleteMany(e => e.CreatedAt < olderThan));
        return ValueTask.CompletedTask;
    }

    private static ILiteCollection<EventDocument> Events(LiteDatabase db) => db.GetCollection<EventDocument>(Collection);
}
