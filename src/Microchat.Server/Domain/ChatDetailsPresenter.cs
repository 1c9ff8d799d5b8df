using Microchat.Contracts;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>Builds a chat's details for one caller: the per-type fields and the caller's permissions.</summary>
internal sealed class ChatDetailsPresenter(EntityPresenter presenter, IEntityStore entities, IMemberStore members)
{
    public async ValueTask<ChatDetails> PresentAsync(Caller caller, ChatView chat, CancellationToken ct)
    {
        var target = chat.Target;
        var details = new ChatDetails
        {
            Id = target.Id,
            Alias = target.Alias,
            Type = target.Type,
            Avatar = await presenter.CurrentAvatarAsync(target.Id, ct),
            Permissions = chat.Permissions,
        };
        return target.Type switch
        {
            EntityType.User => details with
            {
                Name = target.Name,
                Surname = target.Surname,
                Bio = target.Bio,
                CommonConferences = await CommonConferencesAsync(caller.Id, target.Id, ct),
            },
            EntityType.Bot => details with
            {
                Title = target.Title,
                Description = target.Description,
                Owner = await OwnerAsync(target, ct),
            },
            _ => details with
            {
                Title = target.Title,
                Description = target.Description,
                Private = target.IsPrivate,
                Owner = await OwnerAsync(target, ct),
                MemberCount = await members.CountAsync(target.Id, ct),
            },
        };
    }

    private async ValueTask<EntitySummary?> OwnerAsync(EntityRecord target, CancellationToken ct) =>
        target.OwnerId is { } ownerId ? (await presenter.SummariesAsync([ownerId], ct))[ownerId] : null;

    private async ValueTask<IReadOnlyList<EntitySummary>> CommonConferencesAsync(long callerId, long userId, CancellationToken ct)
    {
        var mine = await members.ListConferenceIdsAsync(callerId, ct);
        var theirs = callerId == userId ? mine : await members.ListConferenceIdsAsync(userId, ct);
        var common = mine.Intersect(theirs).ToList();
        if (common.Count == 0) return [];
        var conferences = await entities.FindManyAsync(common, ct);
        var summaries = await presenter.SummariesAsync(conferences, ct);
        return conferences.OrderBy(c => c.Id).Select(c => summaries[c.Id]).ToList();
    }
}
