using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>
/// The word index of entities' aliases and titles (<c>entity_words</c>), written by the entity store inside the
/// same write as the entity: a chat search reads the keys of the matching words only.
/// </summary>
internal static class EntityWordIndex
{
    public const string Words = "entity_words";

    public static ILiteCollection<EntityWordDocument> WordsOf(LiteDatabase db) => db.GetCollection<EntityWordDocument>(Words);

    public static void Add(LiteDatabase db, EntityDocument entity)
    {
        var words = WordsOf(entity);
        if (words.Count > 0) WordsOf(db).Upsert(words.Select(w => new EntityWordDocument { Id = BinaryKeys.EntityWord(w, entity.Id) }));
    }

    public static void Remove(LiteDatabase db, EntityDocument entity)
    {
        var words = WordsOf(db);
        foreach (var word in WordsOf(entity)) words.Delete(BinaryKeys.EntityWord(word, entity.Id));
    }

    /// <summary>The ids of entities with a word starting with each of <paramref name="words"/>.</summary>
    public static HashSet<long> Search(LiteDatabase db, IReadOnlyList<string> words)
    {
        HashSet<long>? found = null;
        foreach (var word in words.OrderByDescending(w => w.Length))
        {
            var ids = WordsOf(db).Find(Prefix(word)).Select(e => BinaryKeys.EntityIdOfWord(e.Id)).ToHashSet();
            if (found is not null) ids.IntersectWith(found);
            found = ids;
            if (found.Count == 0) break;
        }
        return found ?? [];
    }

    public static BsonExpression Prefix(string prefix) => BinaryExpressions.KeyBetween(BinaryKeys.EntityWordPrefixRange(prefix));

    /// <summary>Indexes every entity of a database made before the index existed; runs once, when the index is missing.</summary>
    public static void Backfill(LiteDatabase db)
    {
        if (db.CollectionExists(Words)) return;
        foreach (var entity in db.GetCollection<EntityDocument>("entities").FindAll().ToList()) Add(db, entity);
        // Even with nothing to index: a collection first made inside a batch that rolls back breaks the file.
        LiteDbStorage.CreateCollection(db, Words);
    }

    // The alias splits at its underscores too, so "@john_smith" is found by "smith".
    private static IReadOnlyList<string> WordsOf(EntityDocument entity) =>
        SearchWords.Of(string.Join(' ', new[] { entity.Alias, entity.Name, entity.Surname, entity.Title }.Where(s => s is not null)));
}
