using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>Avatars in the <c>avatars</c> collection; a higher id is a newer avatar.</summary>
internal sealed class LiteDbAvatarStore : IAvatarStore
{
    private const string Collection = "avatars";
    private readonly LiteDbStorage _storage;

    public LiteDbAvatarStore(LiteDbStorage storage)
    {
        _storage = storage;
        _storage.EnsureSchema(db => Avatars(db).EnsureIndex(a => a.EntityId));
    }

    public ValueTask<AvatarRecord> AddAsync(AvatarRecord avatar, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            var document = AvatarDocument.From(avatar);
            document.Id = Sequences.Next(db, Collection);
            Avatars(db).Insert(document);
            return document.ToRecord();
        }));

    public ValueTask<IReadOnlyList<AvatarRecord>> ListAsync(long entityId, int offset, int count, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<AvatarRecord>>(_storage.Read(db => Avatars(db).Query()
            .Where(a => a.EntityId == entityId).OrderByDescending(a => a.Id).Offset(offset).Limit(count).ToList()
            .Select(a => a.ToRecord()).ToList()));

    public ValueTask<AvatarRecord?> GetAsync(long entityId, long id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Read(db => Avatars(db).FindById(id) is { } a && a.EntityId == entityId ? a.ToRecord() : null));

    public ValueTask<IReadOnlyDictionary<long, AvatarRecord>> GetCurrentAsync(IReadOnlyCollection<long> entityIds, CancellationToken cancellationToken)
    {
        if (entityIds.Count == 0) return ValueTask.FromResult<IReadOnlyDictionary<long, AvatarRecord>>(new Dictionary<long, AvatarRecord>());
        var values = entityIds.Distinct().Select(id => new BsonValue(id)).ToArray();
        return ValueTask.FromResult<IReadOnlyDictionary<long, AvatarRecord>>(_storage.Read(db => Avatars(db)
            .Find(QueryExpressions.FieldIn(nameof(AvatarDocument.EntityId), values)).ToList()
            .GroupBy(a => a.EntityId)
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.Id)!.ToRecord())));
    }

    public ValueTask<bool> DeleteAsync(long entityId, long id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            var avatars = Avatars(db);
            return avatars.FindById(id) is { } a && a.EntityId == entityId && avatars.Delete(id);
        }));

    public ValueTask DeleteAllAsync(long entityId, CancellationToken cancellationToken)
    {
        _storage.Write(db => Avatars(db).DeleteMany(a => a.EntityId == entityId));
        return ValueTask.CompletedTask;
    }

    private static ILiteCollection<AvatarDocument> Avatars(LiteDatabase db) => db.GetCollection<AvatarDocument>(Collection);
}
