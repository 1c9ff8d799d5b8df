using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>Media metadata in the <c>media</c> collection.</summary>
internal sealed class LiteDbMediaStore(LiteDbStorage storage) : IMediaStore
{
    private const string Collection = "media";

    public ValueTask CreateAsync(MediaRecord media, CancellationToken cancellationToken)
    {
        storage.Write(db => Media(db).Insert(MediaDocument.From(media)));
        return ValueTask.CompletedTask;
    }

    public ValueTask<MediaRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(storage.Read(db => Media(db).FindById(id)?.ToRecord()));

    public ValueTask<IReadOnlyList<MediaRecord>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return ValueTask.FromResult<IReadOnlyList<MediaRecord>>([]);
        var values = ids.Distinct().Select(id => new BsonValue(id)).ToArray();
        return ValueTask.FromResult<IReadOnlyList<MediaRecord>>(storage.Read(db =>
            Media(db).Find(Query.In("_id", values)).Select(m => m.ToRecord()).ToList()));
    }

    private static ILiteCollection<MediaDocument> Media(LiteDatabase db) => db.GetCollection<MediaDocument>(Collection);
}
