using Npgsql;

namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>
/// The word index of entities' aliases and titles (<c>entity_words</c>), written by the entity store in the
/// same transaction as the entity: a chat search reads the rows of the matching words only.
/// </summary>
internal static class PgEntityWords
{
    private const int BackfillBatch = 1_000;

    /// <summary>The ids of entities with a word in one prefix's key range (see <see cref="PgMessageWords.PrefixRange"/>).</summary>
    internal const string PrefixSql = "SELECT entity_id FROM entity_words WHERE word >= @from AND word < @to";

    /// <summary>Replaces an entity's words with those of <paramref name="entity"/> as it is now.</summary>
    public static async Task ReplaceAsync(NpgsqlConnection c, EntityRecord entity, CancellationToken ct)
    {
        await RemoveAsync(c, entity.Id, ct);
        await InsertAsync(c, [entity], ct);
    }

    public static Task RemoveAsync(NpgsqlConnection c, long entityId, CancellationToken ct) =>
        c.ExecuteAsync("DELETE FROM entity_words WHERE entity_id = @id", ct, ("id", entityId));

    /// <summary>The ids of entities with a word starting with each of <paramref name="words"/>, longest prefix first.</summary>
    public static async Task<HashSet<long>> SearchAsync(NpgsqlConnection c, IReadOnlyList<string> words, CancellationToken ct)
    {
        HashSet<long>? found = null;
        foreach (var word in words.OrderByDescending(w => w.Length))
        {
            var (from, to) = PgMessageWords.PrefixRange(word);
            var ids = (await c.QueryAsync(PrefixSql, r => r.GetInt64(0), ct, ("from", from), ("to", to))).ToHashSet();
            if (found is not null) ids.IntersectWith(found);
            found = ids;
            if (found.Count == 0) break;
        }
        return found ?? [];
    }

    /// <summary>Indexes the entities stored before the index existed (schema step 2), a batch at a time in id order.</summary>
    public static async Task BackfillAsync(NpgsqlConnection c, CancellationToken ct)
    {
        var after = long.MinValue;
        while (true)
        {
            var batch = await c.QueryAsync(
                "SELECT id, alias, name, surname, title FROM entities WHERE id > @after ORDER BY id LIMIT @count",
                // Only the fields the words come from are read; the rest are placeholders.
                r => new EntityRecord
                {
                    Id = r.GetInt64(0), Alias = r.GetString(1), Type = default, CreatedAt = default,
                    Name = r.NullableString(2), Surname = r.NullableString(3), Title = r.NullableString(4),
                }, ct, ("after", after), ("count", BackfillBatch));
            await InsertAsync(c, batch, ct);
            if (batch.Count < BackfillBatch) return;
            after = batch[^1].Id;
        }
    }

    private static async Task InsertAsync(NpgsqlConnection c, IEnumerable<EntityRecord> entities, CancellationToken ct)
    {
        var rows = entities.SelectMany(e => WordsOf(e).Select(w => (Word: w, e.Id))).ToList();
        if (rows.Count == 0) return;
        await c.ExecuteAsync(
            "INSERT INTO entity_words (word, entity_id) SELECT * FROM unnest(@words::text[], @ids::bigint[]) ON CONFLICT DO NOTHING", ct,
            ("words", rows.Select(r => r.Word).ToArray()), ("ids", rows.Select(r => r.Id).ToArray()));
    }

    // The alias splits at its underscores too, so "@john_smith" is found by "smith" (as on LiteDB).
    private static IReadOnlyList<string> WordsOf(EntityRecord entity) =>
        SearchWords.Of(string.Join(' ', new[] { entity.Alias, entity.Name, entity.Surname, entity.Title }.Where(s => s is not null)));
}
