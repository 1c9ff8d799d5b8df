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
        ValueTask.FromResult(MediaDocument.CanExist(id) ? storage.Read(db => Media(db).FindById(MediaDocument.KeyOf(id))?.ToRecord()) : null);

    public ValueTask<IReadOnlyList<MediaRecord>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var values = ids.Distinct().Where(MediaDocument.CanExist).Select(id => new BsonValue(MediaDocument.KeyOf(id))).ToArray();
        if (values.Length == 0) return ValueTask.FromResult<IReadOnlyList<MediaRecord>>([]);
        return ValueTask.FromResult<IReadOnlyList<MediaRecord>>(storage.Read(db =>
            Media(db).Find(QueryExpressions.KeyIn(values)).Select(m => m.ToRecord()).ToList()));
    }

    private static ILiteCollection<MediaDocument> Media(LiteDatabase db) => db.GetCollection<MediaDocument>(Collection);
}
