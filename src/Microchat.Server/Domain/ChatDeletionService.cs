using Microchat.Contracts;
using Microchat.Server.Events;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>
/// Deleting a user (with its bots and the conferences it owns), a bot, or a conference, and everything
/// that hangs off it. Messages a user or bot sent stay in other chats, shown as from a deleted account.
/// </summary>
internal sealed class ChatDeletionService(
    IEntityStore entities,
    IMemberStore members,
    IMessageStore messages,
    IReadMarkerStore readMarkers,
    IAvatarStore avatars,
    ITokenStore tokens,
    IContactStore contacts,
    EntityResolver resolver,
    ChatAccess access,
    MemberService memberships,
    ChatEventPublisher events,
    EventPublisher log,
    UnitOfWorkRunner units,
    EntityCache entityCache,
    MicrochatClock clock)
{
    public async ValueTask DeleteAsync(Caller caller, string chat, CancellationToken ct)
    {
        var target = await resolver.ResolveAsync(chat, "chat", ct);
        var view = await access.ViewAsync(caller, target, ct);
        PermissionRules.CheckDelete(caller, target, view);

        // One commit: the entity and everything hanging off it go together, or nothing does.
        // Once allowed, it runs to its end even if the caller goes away: half an account helps nobody.
        await units.RunAsync([target.Id], async _ =>
        {
            var current = await entities.FindAsync(target.Id, CancellationToken.None);
            if (current is null) throw Errors.DomainException.NotFound($"Chat '{chat}'");
            PermissionRules.CheckDelete(caller, current, await access.ViewAsync(caller, current, CancellationToken.None));
            switch (current.Type)
            {
                case EntityType.User: await DeleteUserAsync(current); break;
                case EntityType.Bot: await DeleteAccountAsync(current); break;
                default: await DeleteConferenceAsync(current); break;
            }
        }, CancellationToken.None);
    }

    // A user's bots and conferences go with it: nobody else could administer them.
    private async ValueTask DeleteUserAsync(EntityRecord user)
    {
        foreach (var bot in await entities.ListOwnedAsync(user.Id, EntityType.Bot, CancellationToken.None))
            await DeleteAccountAsync(bot);
        foreach (var conference in await entities.ListOwnedAsync(user.Id, EntityType.Conference, CancellationToken.None))
            await DeleteConferenceAsync(conference);
        await DeleteAccountAsync(user);
        await contacts.DeleteUserAsync(user.Id, CancellationToken.None);
    }

    private async ValueTask DeleteAccountAsync(EntityRecord account)
    {
        var none = CancellationToken.None;
        // Leaving first tells each conference's members while the account can still be shown by name.
        foreach (var conferenceId in await members.ListConferenceIdsAsync(account.Id, none))
            await memberships.LeaveAsync(conferenceId, account.Id, none);
        await events.PublishProfileAsync(account.Id, EventNames.ChatDeleted, none);

        // Gone from here on: its tokens stop authenticating and its alias is free.
        await entities.DeleteAsync(account.Id, none);
        entityCache.Changed(account.Id);
        await tokens.DeleteAllAsync(account.Id, none);
        await avatars.DeleteAllAsync(account.Id, none);
        await members.DeleteEntityAsync(account.Id, none);
        await readMarkers.DeleteReaderAsync(account.Id, none);
        // Saved messages have no other reader; dialogs with others stay theirs to read.
        await messages.DeleteChatAsync(ChatKey.Dialog(account.Id, account.Id), none);
        // Its open streams end, on every host.
        await log.PublishControlAsync(ControlEvents.CloseStreams([account.Id], clock.Now()));
    }

    private async ValueTask DeleteConferenceAsync(EntityRecord conference)
    {
        var none = CancellationToken.None;
        var key = ChatKey.Conference(conference.Id);
        // In the deleting unit, so no join lands between the members hearing of it and their memberships going.
        await units.RunAsync([conference.Id], async _ =>
        {
            await events.PublishAsync(key, EventNames.ChatDeleted, summary => new ChatEventData(summary), none);
            await entities.DeleteAsync(conference.Id, none);
            entityCache.Changed(conference.Id);
            await messages.DeleteChatAsync(key, none);
            await members.DeleteConferenceAsync(conference.Id, none);
            await readMarkers.DeleteChatAsync(key, none);
            await avatars.DeleteAllAsync(conference.Id, none);
        }, none);
    }
}
