using Microchat.Contracts;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>
/// Chat search: users, bots and conferences by the words of their alias or title. A private conference is
/// found only by its current members, as it is seen nowhere else by anyone else.
/// </summary>
internal sealed class ChatSearchService(IEntitySearchStore search, IMemberStore members, EntityPresenter entities)
{
    /// <summary>Entity summaries, by alias.</summary>
    public async ValueTask<IReadOnlyList<EntitySummary>> SearchAsync(Caller caller, string? q, PageQuery page, CancellationToken ct)
    {
        var words = SearchQuery.Words(q);
        var found = await search.SearchAsync(words, ct);
        if (found.Count == 0) return [];
        var mine = found.Any(IsPrivate)
            ? (await members.ListMembershipsAsync(caller.Id, ct)).Select(m => m.ConferenceId).ToHashSet()
            : [];
        var visible = found
            .Where(e => !IsPrivate(e) || mine.Contains(e.Id))
            .OrderBy(e => e.Alias, StringComparer.OrdinalIgnoreCase)
            .ThenBy(e => e.Id)
            .Skip(page.Skip).Take(page.Take)
            .ToList();
        var summaries = await entities.SummariesAsync(visible, ct);
        return visible.Select(e => summaries[e.Id]).ToList();
    }

    private static bool IsPrivate(EntityRecord entity) => entity.Type == EntityType.Conference && entity.IsPrivate;
}
