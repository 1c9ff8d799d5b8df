using Microchat.Contracts;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>
/// Shows entities as the wire does: summaries (with current avatars, fetched in bulk so a
/// page of messages costs a fixed number of store calls) and a deleted account's stand-in.
/// Summaries come from the <see cref="EntityCache"/> when it has them, inside a unit of work too:
/// they are presentation, not rules, and a unit that changes an entity forgets it first.
/// </summary>
internal sealed class EntityPresenter(IEntityStore entities, IAvatarStore avatars, IMediaStore media, EntityCache cache)
{
    public const string DeletedTitle = "Deleted account";

    public static string TitleOf(EntityRecord entity) => entity.Type switch
    {
        EntityType.User => string.IsNullOrEmpty(entity.Surname) ? entity.Name ?? "" : $"{entity.Name} {entity.Surname}",
        _ => entity.Title ?? "",
    };

    /// <summary>Summaries of these ids; an id with no entity any more shows as a deleted account.</summary>
    public async ValueTask<IReadOnlyDictionary<long, EntitySummary>> SummariesAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var result = new Dictionary<long, EntitySummary>(ids.Count);
        var missing = new List<long>();
        foreach (var id in ids.Distinct())
        {
            if (cache.TryGetSummary(id, out var cached)) result[id] = cached;
            else missing.Add(id);
        }
        if (missing.Count == 0) return result;

        var generation = cache.Generation;
        var found = await entities.FindManyAsync(missing, ct);
        var summaries = await SummariesAsync(found, ct);
        foreach (var id in missing)
        {
            if (!summaries.TryGetValue(id, out var summary))
            {
                result[id] = Deleted(id);
                continue;
            }
            result[id] = summary;
            cache.Keep(summary, generation);
        }
        return result;
    }

    /// <summary>Summaries of entities already loaded.</summary>
    public async ValueTask<IReadOnlyDictionary<long, EntitySummary>> SummariesAsync(IReadOnlyList<EntityRecord> found, CancellationToken ct)
    {
        var current = await CurrentAvatarsAsync(found.Select(e => e.Id).ToList(), ct);
        return found.ToDictionary(e => e.Id, e => Summary(e, current.GetValueOrDefault(e.Id)));
    }

    public async ValueTask<EntitySummary> SummaryAsync(EntityRecord entity, CancellationToken ct) =>
        (await SummariesAsync([entity], ct))[entity.Id];

    public async ValueTask<Media?> CurrentAvatarAsync(long entityId, CancellationToken ct) =>
        (await CurrentAvatarsAsync([entityId], ct)).GetValueOrDefault(entityId);

    public static EntitySummary Summary(EntityRecord entity, Media? avatar) =>
        new(entity.Id, entity.Alias, entity.Type, TitleOf(entity), avatar);

    public static EntitySummary Deleted(long id) => new(id, null, EntityType.User, DeletedTitle, null);

    private async ValueTask<Dictionary<long, Media>> CurrentAvatarsAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var current = await avatars.GetCurrentAsync(ids, ct);
        if (current.Count == 0) return [];
        var files = await media.GetManyAsync(current.Values.Select(a => a.MediaId).Distinct().ToList(), ct);
        var byId = files.ToDictionary(m => m.Id);
        return current
            .Where(pair => byId.ContainsKey(pair.Value.MediaId))
            .ToDictionary(pair => pair.Key, pair => byId[pair.Value.MediaId].ToContract());
    }
}
