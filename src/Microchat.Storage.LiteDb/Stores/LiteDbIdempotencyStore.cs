using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>Remembered POST responses in the <c>idempotency</c> collection.</summary>
internal sealed class LiteDbIdempotencyStore : IIdempotencyStore
{
    private const string Collection = "idempotency";
    private readonly LiteDbStorage _storage;

    public LiteDbIdempotencyStore(LiteDbStorage storage)
    {
        _storage = storage;
        _storage.EnsureSchema(db => Responses(db).EnsureIndex(r => r.CreatedAt));
    }

    public ValueTask<IdempotencyRecord?> FindAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Read(db => Responses(db).FindById(key)?.ToRecord()));

    public ValueTask SaveAsync(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        _storage.Write(db =>
        {
            var responses = Responses(db);
            if (responses.FindById(record.Key) is not null) return;
            responses.Insert(new IdempotencyDocument
            {
                Id = record.Key, StatusCode = record.StatusCode, ContentType = record.ContentType,
                Location = record.Location, Body = record.Body, CreatedAt = record.CreatedAt,
            });
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask ReplaceAsync(IdempotencyRecord record, CancellationToken cancellationToken) =>
        new(_storage.WriteAsync(db => Responses(db).Upsert(new IdempotencyDocument
        {
            Id = record.Key, StatusCode = record.StatusCode, ContentType = record.ContentType,
            Location = record.Location, Body = record.Body, CreatedAt = record.CreatedAt,
        }), cancellationToken).AsTask());

    public ValueTask PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        _storage.Write(db => Responses(db).DeleteMany(r => r.CreatedAt < olderThan));
        return ValueTask.CompletedTask;
    }

    private static ILiteCollection<IdempotencyDocument> Responses(LiteDatabase db) => db.GetCollection<IdempotencyDocument>(Collection);
}
