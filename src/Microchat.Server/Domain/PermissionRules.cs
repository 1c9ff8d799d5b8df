using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>
/// Who may do what to a conference, its members and their permissions, and to a chat's
/// details: every such rule in one place, as plain functions of what the caller sees, so each
/// can be tested without HTTP. Each check throws the refusal the API gives.
/// Visibility itself (a private conference is a 404 to a stranger) stays in <see cref="ChatAccess"/>.
/// </summary>
internal static class PermissionRules
{
    /// <summary>The flags a member actually holds: the owner holds every flag.</summary>
    public static Permissions EffectiveOf(MemberRecord member) => member.IsOwner ? Permissions.All : member.Permissions;

    /// <summary>Owner, admin (a member holding <c>admin</c>) or plain member.</summary>
    public static MemberRole RoleOf(MemberRecord member) =>
        member.IsOwner ? MemberRole.Owner : member.Permissions.Admin ? MemberRole.Admin : MemberRole.Member;

    /// <summary>Whether this is a current conference admin: the owner or a member holding <c>admin</c>.</summary>
    public static bool IsAdmin(MemberRecord? member) => member is { Active: true } && (member.IsOwner || member.Permissions.Admin);

    /// <summary>Members, permissions and defaults exist only for conferences: a dialog has none (404).</summary>
    public static void RequireConference(ChatView chat)
    {
        if (!chat.IsConference) throw DomainException.NotFound($"Conference '@{chat.Target.Alias}'");
    }

    /// <summary>Creating conferences and bots is for users; a bot is refused (403).</summary>
    public static void RequireUser(Caller caller, string action)
    {
        if (caller.IsBot) throw DomainException.Forbidden($"Bots may not {action}.");
    }

    /// <summary>Reading the default or a member's permissions is for current members (403 for a public conference's reader).</summary>
    public static void RequireMember(ChatView chat)
    {
        RequireConference(chat);
        if (!chat.IsParticipant) throw DomainException.Forbidden("Only members of this conference may see its permissions.");
    }

    /// <summary>Listing members and reading one needs <c>read</c>.</summary>
    public static void CheckReadMembers(ChatView chat)
    {
        RequireConference(chat);
        ChatAccess.Require(chat, p => p.Read, "read the members");
    }

    /// <summary>Changing the defaults needs <c>edit_conference</c>; <c>admin</c> is never a default (400).</summary>
    public static void CheckEditDefaults(ChatView chat, PermissionsPatch patch)
    {
        RequireConference(chat);
        if (!chat.IsParticipant || !chat.Permissions.EditConference)
            throw DomainException.Forbidden("Changing the default permissions needs edit_conference.");
        if (patch.Admin == true)
            throw DomainException.Invalid("admin", "admin cannot be a default: only the owner grants it, member by member.");
    }

    /// <summary>
    /// Adding <paramref name="candidate"/>: <c>add_user</c> holders add any user or bot; anyone who sees a
    /// public conference may add itself (join). A conference is never a member (400).
    /// </summary>
    public static void CheckAdd(ChatView chat, long callerId, EntityRecord candidate, string field)
    {
        RequireConference(chat);
        if (candidate.Type == EntityType.Conference)
            throw DomainException.Invalid(field, "A conference cannot be a member: add a user or a bot.");
        var isSelf = candidate.Id == callerId;
        // A current member adding itself again falls through to the store's "already a member" (409).
        if (isSelf && (!chat.Target.IsPrivate || chat.IsParticipant)) return;
        if (!chat.IsParticipant || !chat.Permissions.AddUser)
        {
            throw DomainException.Forbidden(isSelf
                ? "This conference is private: a member holding add_user must add you."
                : "Adding members needs add_user.");
        }
    }

    /// <summary>A member path must name a current member (404 otherwise, as for any other unknown path).</summary>
    public static MemberRecord RequireCurrent(MemberRecord? member, string reference) =>
        member is { Active: true } ? member : throw DomainException.NotFound($"Member '{reference}'");

    /// <summary>
    /// Removing <paramref name="targetId"/>: anyone may leave, but the owner, who leaves only by deleting the
    /// conference; removing others needs <c>remove_user</c>; the owner is never removed; and a member holding
    /// <c>admin</c> is removed only by the owner, since only the owner takes <c>admin</c> away.
    /// </summary>
    public static MemberRecord CheckRemove(ChatView chat, long callerId, long targetId, MemberRecord? target, string reference)
    {
        RequireConference(chat);
        if (targetId == callerId)
        {
            var self = RequireCurrent(target, reference);
            if (self.IsOwner) throw DomainException.Forbidden("The owner cannot leave the conference: delete the conference instead.");
            return self;
        }
        if (!chat.IsParticipant || !chat.Permissions.RemoveUser) throw DomainException.Forbidden("Removing members needs remove_user.");
        var other = RequireCurrent(target, reference);
        if (other.IsOwner) throw DomainException.Forbidden("The owner cannot be removed from the conference.");
        if (other.Permissions.Admin && chat.Membership is not { IsOwner: true })
            throw DomainException.Forbidden("Only the owner removes an admin.");
        return other;
    }

    /// <summary>
    /// Changing <paramref name="target"/>'s permissions: only conference admins; never the owner's, never
    /// one's own; and only the owner grants or takes <c>admin</c>.
    /// </summary>
    public static MemberRecord CheckEditMember(ChatView chat, long callerId, MemberRecord? target, string reference, PermissionsPatch patch)
    {
        RequireConference(chat);
        if (!IsAdmin(chat.Membership)) throw DomainException.Forbidden("Only conference admins change members' permissions.");
        var member = RequireCurrent(target, reference);
        if (member.IsOwner) throw DomainException.Forbidden("The owner holds every permission: they cannot be changed.");
        if (member.EntityId == callerId) throw DomainException.Forbidden("Admins cannot change their own permissions.");
        // Repeating the current value of admin (a client echoing the whole set) grants and takes nothing.
        if (patch.Admin is { } admin && admin != member.Permissions.Admin && chat.Membership is not { IsOwner: true })
            throw DomainException.Forbidden("Only the owner grants or takes admin.");
        return member;
    }

    /// <summary>
    /// Editing a chat's details: a user edits only its own profile; a bot's owner its title and description
    /// (a bot not even itself); a conference's <c>edit_conference</c> holders its title, description and privacy.
    /// </summary>
    public static void CheckEditDetails(Caller caller, ChatView chat)
    {
        var target = chat.Target;
        var allowed = target.Type switch
        {
            EntityType.User => target.Id == caller.Id,
            EntityType.Bot => target.OwnerId == caller.Id,
            _ => chat.IsParticipant && chat.Permissions.EditConference,
        };
        if (allowed) return;
        throw DomainException.Forbidden(target.Type switch
        {
            EntityType.User => "Only the user edits their own profile.",
            EntityType.Bot => "Only the bot's owner edits the bot.",
            _ => "Editing the conference needs edit_conference.",
        });
    }

    /// <summary>
    /// Deleting a chat's entity: a user deletes itself, a bot's owner the bot, a conference's owner the
    /// conference, and site administrators anything. <paramref name="chat"/> is null when the caller may not
    /// see the target (a private conference it is not in): a 404 to all but site administrators.
    /// </summary>
    public static void CheckDelete(Caller caller, EntityRecord target, ChatView? chat)
    {
        if (caller.IsAdministrator) return;
        if (chat is null) throw DomainException.NotFound($"Chat '@{target.Alias}'");
        var allowed = target.Type switch
        {
            EntityType.User => target.Id == caller.Id,
            _ => target.OwnerId == caller.Id,
        };
        if (allowed) return;
        throw DomainException.Forbidden(target.Type switch
        {
            EntityType.User => "Only the user deletes their own account.",
            EntityType.Bot => "Only the bot's owner deletes the bot.",
            _ => "Only the owner deletes the conference.",
        });
    }
}
