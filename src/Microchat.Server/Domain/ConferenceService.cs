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
    EntityLocks locks,
    MicrochatClock clock)
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

        var now = clock.Now();
        var conference = await entities.TryCreateAsync(new EntityRecord
        {
            Alias = request.Alias,
            Type = EntityType.Conference,
            CreatedAt = now,
            Title = request.Title.Trim(),
            Description = TextFields.Text(request.Description),
            OwnerId = caller.Id,
            IsPrivate = request.Private ?? false,
            DefaultPermissions = Permissions.Participant,
        }, ct) ?? throw DomainException.Conflict($"The alias '{request.Alias}' is taken.");

        // A new conference has no messages yet: the owner's span starts at the first.
        await members.TryJoinAsync(conference.Id, caller.Id, Permissions.All, isOwner: true, now, firstMessageId: 1, CancellationToken.None);
        var owner = await members.FindAsync(conference.Id, caller.Id, CancellationToken.None);
        var member = await memberPresenter.PresentAsync(owner!, CancellationToken.None);
        await events.PublishAsync(ChatKey.Conference(conference.Id), EventNames.MemberAdded, chat => new MemberEventData(chat, member), CancellationToken.None);

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

        Permissions before, after;
        using (await locks.AcquireAsync(chat.Target.Id, ct))
        {
            var current = await entities.FindAsync(chat.Target.Id, ct) ?? throw DomainException.NotFound($"Chat '{conference}'");
            before = DefaultsOf(current);
            after = before.With(patch) with { Admin = false };
            if (after != before && !await entities.UpdateAsync(current with { DefaultPermissions = after }, CancellationToken.None))
                throw DomainException.NotFound($"Chat '{conference}'");
        }

        if (after != before)
        {
            await events.PublishAsync(chat.Key, EventNames.PermissionsChanged,
                summary => new PermissionsEventData(summary, null, after), ct);
        }
        return after;
    }

    public static Permissions DefaultsOf(EntityRecord conference) => conference.DefaultPermissions ?? Permissions.Participant;
}
