using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>Bearer tokens in the <c>tokens</c> collection, found by the hash of their secret.</summary>
internal sealed class LiteDbTokenStore : ITokenStore
{
    private const string Collection = "tokens";
    private readonly LiteDbStorage _storage;

    public LiteDbTokenStore(LiteDbStorage storage)
    {
        _storage = storage;
        _storage.EnsureSchema(db =>
        {
            var tokens = Tokens(db);
            tokens.EnsureIndex(t => t.Hash, unique: true);
            tokens.EnsureIndex(t => t.OwnerId);
        });
    }

    public ValueTask<TokenRecord> CreateAsync(TokenRecord token, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            var document = TokenDocument.From(token);
            document.Id = Sequences.Next(db, Collection);
            Tokens(db).Insert(document);
            return document.ToRecord();
        }));

    public ValueTask<TokenRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Read(db => Tokens(db).FindOne(t => t.Hash == hash)?.ToRecord()));

    public ValueTask<IReadOnlyList<TokenRecord>> ListAsync(long ownerId, int offset, int count, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<TokenRecord>>(_storage.Read(db => Tokens(db).Query()
            .Where(t => t.OwnerId == ownerId).OrderBy(t => t.Id).Offset(offset).Limit(count).ToList()
            .Select(t => t.ToRecord()).ToList()));

    public ValueTask TouchAsync(long id, DateTimeOffset usedAt, CancellationToken cancellationToken)
    {
        _storage.Write(db =>
        {
            var tokens = Tokens(db);
            var token = tokens.FindById(id);
            if (token is null) return;
            token.LastUsedAt = usedAt;
            tokens.Update(token);
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> DeleteAsync(long ownerId, long id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            var tokens = Tokens(db);
            var token = tokens.FindById(id);
            return token is not null && token.OwnerId == ownerId && tokens.Delete(id);
        }));

    public ValueTask DeleteAllAsync(long ownerId, CancellationToken cancellationToken)
    {
        _storage.Write(db => Tokens(db).DeleteMany(t => t.OwnerId == ownerId));
        return ValueTask.CompletedTask;
    }

    private static ILiteCollection<TokenDocument> Tokens(LiteDatabase db) => db.GetCollection<TokenDocument>(Collection);
}
