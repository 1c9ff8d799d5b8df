using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Server.Events;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>
/// Conference membership: listing, joining and adding, leaving and removing, and members' permissions.
/// Every change happens under the conference's lock, with the rules checked there against fresh records.
/// </summary>
internal sealed class MemberService(
    IEntityStore entities,
    IMemberStore members,
    IMessageStore messages,
    EntityResolver resolver,
    ChatAccess access,
    MemberPresenter presenter,
    ChatEventPublisher events,
    UnitOfWorkRunner units,
    MicrochatClock clock)
{
    public async ValueTask<IReadOnlyList<Member>> ListAsync(Caller caller, string conference, PageQuery page, CancellationToken ct)
    {
        var chat = await access.ViewAsync(caller, conference, ct);
        PermissionRules.CheckReadMembers(chat);
        return await presenter.PresentAsync(await members.ListAsync(chat.Target.Id, page.Skip, page.Take, ct), ct);
    }

    public async ValueTask<Member> GetAsync(Caller caller, string conference, string member, CancellationToken ct)
    {
        var chat = await access.ViewAsync(caller, conference, ct);
        PermissionRules.CheckReadMembers(chat);
        var record = PermissionRules.RequireCurrent(await FindAsync(chat, member, ct), member);
        return await presenter.PresentAsync(record, ct);
    }

    /// <summary>Adds a user or bot (or the caller itself: a join) with the conference's default permissions.</summary>
    public async ValueTask<Member> AddAsync(Caller caller, string conference, AddMemberRequest request, CancellationToken ct)
    {
        var found = await access.ViewAsync(caller, conference, ct);
        PermissionRules.RequireConference(found);
        var (candidate, field) = await ResolveCandidateAsync(request, ct);

        return await units.RunAsync([found.Target.Id], async inner =>
        {
            var chat = await FreshViewAsync(caller, found, conference, inner);
            PermissionRules.CheckAdd(chat, caller.Id, candidate, field);
            var key = ChatKey.Conference(chat.Target.Id);
            // The span starts after the newest message: a member of a private conference reads from joining on.
            var first = await messages.GetLastIdAsync(key, inner) + 1;
            var defaults = ConferenceService.DefaultsOf(chat.Target);
            if (!await members.TryJoinAsync(chat.Target.Id, candidate.Id, defaults, isOwner: false, clock.Now(), first, inner))
                throw DomainException.Conflict($"'@{candidate.Alias}' is already a member of this conference.");
            var joined = (await members.FindAsync(chat.Target.Id, candidate.Id, inner))!;
            var member = await presenter.PresentAsync(joined, inner);
            await events.PublishAsync(key, EventNames.MemberAdded, summary => new MemberEventData(summary, member), inner, alsoTo: [candidate.Id]);
            return member;
        }, ct);
    }

    /// <summary>Removes a member, or lets the caller leave.</summary>
    public async ValueTask RemoveAsync(Caller caller, string conference, string member, CancellationToken ct)
    {
        var found = await access.ViewAsync(caller, conference, ct);
        PermissionRules.RequireConference(found);
        var target = await resolver.FindAsync(member, "member", ct) ?? throw DomainException.NotFound($"Member '{member}'");

        await units.RunAsync([found.Target.Id], async inner =>
        {
            var chat = await FreshViewAsync(caller, found, conference, inner);
            var record = await members.FindAsync(chat.Target.Id, target.Id, inner);
            var left = PermissionRules.CheckRemove(chat, caller.Id, target.Id, record, member);
            await EndMembershipAsync(left);
            await PublishRemovedAsync(left);
        }, ct);
    }

    public async ValueTask<Permissions> GetPermissionsAsync(Caller caller, string conference, string member, CancellationToken ct)
    {
        var chat = await access.ViewAsync(caller, conference, ct);
        PermissionRules.RequireMember(chat);
        var record = PermissionRules.RequireCurrent(await FindAsync(chat, member, ct), member);
        return PermissionRules.EffectiveOf(record);
    }

    /// <summary>Changes some of a member's flags; for conference admins, within <see cref="PermissionRules.CheckEditMember"/>.</summary>
    public async ValueTask<Permissions> UpdatePermissionsAsync(Caller caller, string conference, string member, PermissionsPatch patch,
        CancellationToken ct)
    {
        var found = await access.ViewAsync(caller, conference, ct);
        PermissionRules.RequireConference(found);

        return await units.RunAsync([found.Target.Id], async inner =>
        {
            var chat = await FreshViewAsync(caller, found, conference, inner);
            // Only an admin learns whether the path names a member: anyone else is refused first.
            var target = PermissionRules.IsAdmin(chat.Membership) ? await FindAsync(chat, member, inner) : null;
            var before = PermissionRules.CheckEditMember(chat, caller.Id, target, member, patch);
            var after = before.Permissions.With(patch);
            if (after == before.Permissions) return after;
            if (!await members.SetPermissionsAsync(chat.Target.Id, before.EntityId, after, inner))
                throw DomainException.NotFound($"Member '{member}'");
            var changed = await presenter.PresentAsync(before with { Permissions = after }, inner);
            await events.PublishAsync(ChatKey.Conference(chat.Target.Id), EventNames.PermissionsChanged,
                summary => new PermissionsEventData(summary, changed, after), inner);
            return after;
        }, ct);
    }

    /// <summary>
    /// Takes an entity out of a conference without checking any rule (the entity or the conference is being
    /// deleted); nothing happens when it is not a member.
    /// </summary>
    public async ValueTask LeaveAsync(long conferenceId, long entityId, CancellationToken ct)
    {
        await units.RunAsync([conferenceId], async inner =>
        {
            var left = await members.FindAsync(conferenceId, entityId, inner);
            if (left is not { Active: true }) return;
            await EndMembershipAsync(left);
            await PublishRemovedAsync(left);
        }, ct);
    }

    // The span closes at the newest message: a later message is never the leaver's to read.
    private async ValueTask EndMembershipAsync(MemberRecord member)
    {
        var last = await messages.GetLastIdAsync(ChatKey.Conference(member.ConferenceId), CancellationToken.None);
        await members.LeaveAsync(member.ConferenceId, member.EntityId, last, CancellationToken.None);
    }

    // Published after the removal with the leaver added, so the leaver gets this as its last event of the conference.
    private async ValueTask PublishRemovedAsync(MemberRecord left)
    {
        var member = await presenter.PresentAsync(left, CancellationToken.None);
        await events.PublishAsync(ChatKey.Conference(left.ConferenceId), EventNames.MemberRemoved,
            chat => new MemberEventData(chat, member), CancellationToken.None, alsoTo: [left.EntityId]);
    }

    // The view taken before the lock may be stale by the time the lock is held: the caller's own
    // flags, the conference's defaults, or the conference itself may have changed.
    private async ValueTask<ChatView> FreshViewAsync(Caller caller, ChatView found, string conference, CancellationToken ct)
    {
        var current = await entities.FindAsync(found.Target.Id, ct);
        var chat = current is null ? null : await access.ViewAsync(caller, current, ct);
        return chat ?? throw DomainException.NotFound($"Chat '{conference}'");
    }

    private async ValueTask<MemberRecord?> FindAsync(ChatView chat, string member, CancellationToken ct)
    {
        var entity = await resolver.FindAsync(member, "member", ct);
        return entity is null ? null : await members.FindAsync(chat.Target.Id, entity.Id, ct);
    }

    private async ValueTask<(EntityRecord Candidate, string Field)> ResolveCandidateAsync(AddMemberRequest request, CancellationToken ct)
    {
        if ((request.Alias is null) == (request.Id is null))
        {
            new FieldErrors()
                .Add("alias", "Give exactly one of alias or id.")
                .Add("id", "Give exactly one of alias or id.")
                .ThrowIfAny();
        }
        if (request.Alias is { } alias)
        {
            new FieldErrors().RequireAlias(alias).ThrowIfAny();
            var byAlias = await entities.FindByAliasAsync(alias, ct) ?? throw DomainException.NotFound($"'@{alias}'");
            return (byAlias, "alias");
        }
        var id = request.Id!.Value;
        if (id <= 0) throw DomainException.Invalid("id", "id is a positive number.");
        var byId = await entities.FindAsync(id, ct) ?? throw DomainException.NotFound($"Entity {id}");
        return (byId, "id");
    }
}
