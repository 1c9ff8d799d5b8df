using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Server.Events;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>Creating conferences and keeping their default permissions.</summary>
internal sealed class ConferenceService(
    IEntityStore entities,
    IMemberStore members,
    ChatAccess access,
    ChatDetailsPresenter details,
    MemberPresenter memberPresenter,
    ChatEventPublisher events,
    UnitOfWorkRunner units,
    MicrochatClock clock,
    EntityCache entityCache)
{
    /// <summary>Creates a conference owned by the caller, who becomes its first member.</summary>
    public async ValueTask<ChatDetails> CreateAsync(Caller caller, CreateConferenceRequest request, CancellationToken ct)
    {
        PermissionRules.RequireUser(caller, "create conferences");
        new FieldErrors()
            .RequireAlias(request.Alias)
            .RequireText(request.Title, "title", ProfileRules.MaxTitleLength)
            .OptionalText(request.Description, "description", ProfileRules.MaxDescriptionLength)
            .ThrowIfAny();

        var conference = await units.RunAsync([caller.Id], async inner =>
        {
            var now = clock.Now();
            var created = await entities.TryCreateAsync(new EntityRecord
        {
            Alias = request.Alias,
            Type = EntityType.Conference,
            CreatedAt = now,
            Title = request.Title.Trim(),
            Description = TextFields.Text(request.Description),
            OwnerId = caller.Id,
            IsPrivate = request.Private ?? false,
            DefaultPermissions = Permissions.Participant,
            }, inner) ?? throw DomainException.Conflict($"The alias '{request.Alias}' is taken.");

            // A new conference has no messages yet: the owner's span starts at the first.
            await members.TryJoinAsync(created.Id, caller.Id, Permissions.All, isOwner: true, now, firstMessageId: 1, inner);
            var owner = await members.FindAsync(created.Id, caller.Id, inner);
            var member = await memberPresenter.PresentAsync(owner!, inner);
            await events.PublishAsync(ChatKey.Conference(created.Id), EventNames.MemberAdded, chat => new MemberEventData(chat, member), inner);
            return created;
        }, ct);

        var view = await access.ViewAsync(caller, conference, ct);
        return await details.PresentAsync(caller, view!, ct);
    }

    /// <summary>The permissions a new member starts with; for members only.</summary>
    public async ValueTask<Permissions> GetDefaultsAsync(Caller caller, string conference, CancellationToken ct)
    {
        var chat = await access.ViewAsync(caller, conference, ct);
        PermissionRules.RequireMember(chat);
        return DefaultsOf(chat.Target);
    }

    /// <summary>Changes some of the defaults; for <c>edit_conference</c> holders.</summary>
    public async ValueTask<Permissions> UpdateDefaultsAsync(Caller caller, string conference, PermissionsPatch patch, CancellationToken ct)
    {
        var chat = await access.ViewAsync(caller, conference, ct);
        PermissionRules.CheckEditDefaults(chat, patch);

        return await units.RunAsync([chat.Target.Id], async inner =>
        {
            // Re-checked on the fresh conference: the caller's own rights may have changed since.
            var current = await entities.FindAsync(chat.Target.Id, inner);
            var fresh = current is null ? null : await access.ViewAsync(caller, current, inner);
            if (fresh is null) throw DomainException.NotFound($"Chat '{conference}'");
            PermissionRules.CheckEditDefaults(fresh, patch);
            var before = DefaultsOf(fresh.Target);
            var after = before.With(patch) with { Admin = false };
            if (after == before) return after;
            if (!await entities.UpdateAsync(fresh.Target with { DefaultPermissions = after }, inner))
                throw DomainException.NotFound($"Chat '{conference}'");
            entityCache.Changed(fresh.Target.Id);
            await events.PublishAsync(fresh.Key, EventNames.PermissionsChanged, summary => new PermissionsEventData(summary, null, after), inner);
            return after;
        }, ct);
    }

    public static Permissions DefaultsOf(EntityRecord conference) => conference.DefaultPermissions ?? Permissions.Participant;
}
