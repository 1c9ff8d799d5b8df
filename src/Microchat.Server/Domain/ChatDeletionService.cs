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
    EntityLocks locks)
{
    public async ValueTask DeleteAsync(Caller caller, string chat, CancellationToken ct)
    {
        var target = await resolver.ResolveAsync(chat, "chat", ct);
        var view = await access.ViewAsync(caller, target, ct);
        PermissionRules.CheckDelete(caller, target, view);

        // Once allowed, a deletion runs to its end even if the caller goes away: half an account helps nobody.
        switch (target.Type)
        {
            case EntityType.User: await DeleteUserAsync(target); break;
            case EntityType.Bot: await DeleteAccountAsync(target); break;
            default: await DeleteConferenceAsync(target); break;
        }
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
        await tokens.DeleteAllAsync(account.Id, none);
        await avatars.DeleteAllAsync(account.Id, none);
        await members.DeleteEntityAsync(account.Id, none);
        await readMarkers.DeleteReaderAsync(account.Id, none);
        // Saved messages have no other reader; dialogs with others stay theirs to read.
        await messages.DeleteChatAsync(ChatKey.Dialog(account.Id, account.Id), none);
    }

    private async ValueTask DeleteConferenceAsync(EntityRecord conference)
    {
        var none = CancellationToken.None;
        var key = ChatKey.Conference(conference.Id);
        // Under the conference's lock, so no join lands between the members hearing of it and their memberships going.
        using (await locks.AcquireAsync(conference.Id, none))
        {
            await events.PublishAsync(key, EventNames.ChatDeleted, summary => new ChatEventData(summary), none);
            await entities.DeleteAsync(conference.Id, none);
            await messages.DeleteChatAsync(key, none);
            await members.DeleteConferenceAsync(conference.Id, none);
            await readMarkers.DeleteChatAsync(key, none);
            await avatars.DeleteAllAsync(conference.Id, none);
        }
    }
}
