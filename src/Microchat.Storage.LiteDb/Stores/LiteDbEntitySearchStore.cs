using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>Entity search over the word index the entity store keeps (<see cref="EntityWordIndex"/>).</summary>
internal sealed class LiteDbEntitySearchStore : IEntitySearchStore
{
    private readonly LiteDbStorage _storage;

    public LiteDbEntitySearchStore(LiteDbStorage storage)
    {
        _storage = storage;
        _storage.Write(EntityWordIndex.Backfill);
    }

    public ValueTask<IReadOnlyList<EntityRecord>> SearchAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        if (words.Count == 0) return ValueTask.FromResult<IReadOnlyList<EntityRecord>>([]);
        return ValueTask.FromResult<IReadOnlyList<EntityRecord>>(_storage.Read(db =>
        {
            var ids = EntityWordIndex.Search(db, words);
            if (ids.Count == 0) return [];
            return db.GetCollection<EntityDocument>("entities")
                .Find(QueryExpressions.KeyIn(ids.Select(id => new BsonValue(id))))
                .Select(e => e.ToRecord())
                .ToList();
        }));
    }
}
