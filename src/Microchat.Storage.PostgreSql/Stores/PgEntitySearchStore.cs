namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>Entity search over the word index the entity store keeps (<see cref="PgEntityWords"/>).</summary>
internal sealed class PgEntitySearchStore(PgDatabase database) : IEntitySearchStore
{
    public async ValueTask<IReadOnlyList<EntityRecord>> SearchAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        if (words.Count == 0) return [];
        // The ids and the entities are read in one transaction, so an entity deleted meanwhile is simply not found.
        return await database.RunAsync(async (c, ct) =>
        {
            var ids = await PgEntityWords.SearchAsync(c, words, ct);
            if (ids.Count == 0) return (IReadOnlyList<EntityRecord>)[];
            return await c.QueryAsync($"SELECT {PgEntityStore.Columns} FROM entities WHERE id = ANY(@ids)", PgEntityStore.Read, ct,
                ("ids", ids.ToArray()));
        }, cancellationToken);
    }
}
