using LiteDB;
using Microchat.Contracts;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>Users, bots and conferences in the <c>entities</c> collection.</summary>
internal sealed class LiteDbEntityStore : IEntityStore
{
    private const string Collection = "entities";
    private readonly LiteDbStorage _storage;

    public LiteDbEntityStore(LiteDbStorage storage)
    {
        _storage = storage;
        _storage.EnsureSchema(db =>
        {
            var entities = Entities(db);
            entities.EnsureIndex(e => e.AliasKey, unique: true);
            entities.EnsureIndex(e => e.OwnerId);
        });
    }

    public ValueTask<EntityRecord?> TryCreateAsync(EntityRecord entity, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            var entities = Entities(db);
            var document = EntityDocument.From(entity);
            if (entities.Exists(e => e.AliasKey == document.AliasKey)) return null;
            document.Id = Sequences.Next(db, Collection);
            entities.Insert(document);
            EntityWordIndex.Add(db, document);
            return document.ToRecord();
        }));

    public ValueTask<EntityRecord?> FindAsync(long id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Read(db => Entities(db).FindById(id)?.ToRecord()));

    public ValueTask<EntityRecord?> FindByAliasAsync(string alias, CancellationToken cancellationToken)
    {
        var key = EntityDocument.KeyOf(alias);
        return ValueTask.FromResult(_storage.Read(db => Entities(db).FindOne(e => e.AliasKey == key)?.ToRecord()));
    }

    public ValueTask<IReadOnlyList<EntityRecord>> FindManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return ValueTask.FromResult<IReadOnlyList<EntityRecord>>([]);
        var values = ids.Distinct().Select(id => new BsonValue(id)).ToArray();
        return ValueTask.FromResult<IReadOnlyList<EntityRecord>>(_storage.Read(db =>
            Entities(db).Find(QueryExpressions.KeyIn(values)).Select(e => e.ToRecord()).ToList()));
    }

    public ValueTask<IReadOnlyList<EntityRecord>> ListOwnedAsync(long ownerId, EntityType type, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<EntityRecord>>(_storage.Read(db =>
            Entities(db).Find(e => e.OwnerId == ownerId).Where(e => e.Type == type).Select(e => e.ToRecord()).ToList()));

    public ValueTask<bool> UpdateAsync(EntityRecord entity, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            var entities = Entities(db);
            var stored = entities.FindById(entity.Id);
            if (stored is null) return false;
            // The alias is the entity's identity: it never changes through an update.
            var document = EntityDocument.From(entity with { Alias = stored.Alias });
            // The search words follow the title in the same commit.
            EntityWordIndex.Remove(db, stored);
            EntityWordIndex.Add(db, document);
            return entities.Update(document);
        }));

    public ValueTask<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            var entities = Entities(db);
            if (entities.FindById(id) is not { } stored) return false;
            EntityWordIndex.Remove(db, stored);
            return entities.Delete(id);
        }));

    private static ILiteCollection<EntityDocument> Entities(LiteDatabase db) => db.GetCollection<EntityDocument>(Collection);
}
