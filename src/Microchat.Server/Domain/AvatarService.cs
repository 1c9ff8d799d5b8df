using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Server.Events;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>Users', bots' and conferences' avatars: who may see and change them, and who hears of it.</summary>
internal sealed class AvatarService(
    ChatAccess access,
    EntityResolver resolver,
    IAvatarStore avatars,
    IMediaStore media,
    ChatEventPublisher events,
    UnitOfWorkRunner units,
    EntityCache entityCache,
    MicrochatClock clock)
{
    /// <summary>An entity's avatars, newest (the current one) first.</summary>
    public async ValueTask<IReadOnlyList<Avatar>> ListAsync(Caller caller, string reference, PageQuery page, CancellationToken ct)
    {
        var view = await access.ViewAsync(caller, reference, ct);
        var list = await avatars.ListAsync(view.Target.Id, page.Skip, page.Take, ct);
        if (list.Count == 0) return [];
        var files = (await media.GetManyAsync(list.Select(a => a.MediaId).Distinct().ToList(), ct)).ToDictionary(m => m.Id);
        return list.Where(a => files.ContainsKey(a.MediaId)).Select(a => ToContract(a, files[a.MediaId])).ToList();
    }

    /// <summary>Makes an uploaded photo the entity's current avatar.</summary>
    public async ValueTask<(EntityRecord Target, Avatar Avatar)> SetAsync(Caller caller, string reference, SetAvatarRequest request, CancellationToken ct)
    {
        var view = await access.ViewAsync(caller, reference, ct);
        // The same people who edit the chat's details.
        PermissionRules.CheckEditDetails(caller, view);
        if (string.IsNullOrWhiteSpace(request.MediaId)) throw DomainException.Invalid("media_id", "media_id is required.");
        var photo = await media.GetAsync(request.MediaId, ct)
            ?? throw DomainException.Invalid("media_id", "No media has this id.");
        if (photo.Kind != MediaKind.Photo)
            throw DomainException.Invalid("media_id", "An avatar must be a photo (JPEG, PNG or WebP).");

        var avatar = await units.RunAsync([view.Target.Id], async inner =>
        {
            var added = await avatars.AddAsync(new AvatarRecord { EntityId = view.Target.Id, MediaId = photo.Id, CreatedAt = clock.Now() }, inner);
            entityCache.Changed(view.Target.Id);
            await PublishAsync(view.Target, inner);
            return added;
        }, ct);
        return (view.Target, ToContract(avatar, photo));
    }

    /// <summary>Removes one avatar; the next newest becomes current.</summary>
    public async ValueTask DeleteAsync(Caller caller, string reference, long id, CancellationToken ct)
    {
        EntityRecord target;
        if (caller.IsAdministrator)
        {
            // Site administrators moderate every entity, private conferences included.
            target = await resolver.ResolveAsync(reference, "chat", ct);
        }
        else
        {
            var view = await access.ViewAsync(caller, reference, ct);
            PermissionRules.CheckEditDetails(caller, view);
            target = view.Target;
        }
        await units.RunAsync([target.Id], async inner =>
        {
            if (!await avatars.DeleteAsync(target.Id, id, inner)) throw DomainException.NotFound($"Avatar {id}");
            entityCache.Changed(target.Id);
            await PublishAsync(target, inner);
        }, ct);
    }

    private ValueTask PublishAsync(EntityRecord target, CancellationToken ct) => target.Type == EntityType.Conference
        ? events.PublishAsync(ChatKey.Conference(target.Id), EventNames.AvatarChanged, chat => new ChatEventData(chat), ct)
        : events.PublishProfileAsync(target.Id, EventNames.AvatarChanged, ct);

    private static Avatar ToContract(AvatarRecord avatar, MediaRecord photo) => new(avatar.Id, photo.ToContract(), avatar.CreatedAt);
}
