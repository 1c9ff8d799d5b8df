using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>
/// The visibility and permission rules of chats, in one place: who sees a chat, what each
/// participant may do, and which part of a private conference's history a member may read.
/// </summary>
internal sealed class ChatAccess(EntityResolver resolver, IMemberStore members)
{
    /// <summary>The chat a path names, as the caller sees it; a chat the caller may not see is a 404.</summary>
    public async ValueTask<ChatView> ViewAsync(Caller caller, string reference, CancellationToken ct)
    {
        var target = await resolver.ResolveAsync(reference, "chat", ct);
        return await ViewAsync(caller, target, ct) ?? throw DomainException.NotFound($"Chat '{reference}'");
    }

    /// <summary>The chat with this entity as the caller sees it, or null when the caller may not see it.</summary>
    public async ValueTask<ChatView?> ViewAsync(Caller caller, EntityRecord target, CancellationToken ct)
    {
        if (target.Type != EntityType.Conference)
        {
            return new ChatView
            {
                Target = target,
                ViewerId = caller.Id,
                Key = ChatKey.Dialog(caller.Id, target.Id),
                Permissions = Permissions.Participant,
            };
        }

        var membership = await members.FindAsync(target.Id, caller.Id, ct);
        if (membership is { Active: true }) return MemberView(target, membership);
        if (target.IsPrivate) return null;
        return new ChatView
        {
            Target = target, ViewerId = caller.Id, Key = ChatKey.Conference(target.Id), Permissions = Permissions.ReadOnly, Membership = membership,
        };
    }

    /// <summary>A conference as a current member sees it, from a membership already loaded (the chat list loads them all at once).</summary>
    public static ChatView MemberView(EntityRecord conference, MemberRecord membership) => new()
    {
        Target = conference,
        ViewerId = membership.EntityId,
        Key = ChatKey.Conference(conference.Id),
        Permissions = membership.IsOwner ? Permissions.All : membership.Permissions,
        Membership = membership,
        ReadableSpans = conference.IsPrivate ? membership.Spans : null,
    };

    /// <summary>Throws a 403 unless the caller holds the flag this action needs.</summary>
    public static void Require(ChatView chat, Func<Permissions, bool> flag, string action)
    {
        if (!flag(chat.Permissions)) throw DomainException.Forbidden($"You may not {action} in this chat.");
    }

    /// <summary>
    /// Throws a 403 unless the caller may remove content (a message, an attachment) that
    /// <paramref name="authorId"/> sent: its author, or in a conference a holder of <c>delete</c>;
    /// either way only while taking part in the chat.
    /// </summary>
    public static void RequireMayRemove(ChatView chat, long callerId, long authorId)
    {
        if (!chat.IsParticipant) throw DomainException.Forbidden("Only the chat's participants may remove messages.");
        if (authorId == callerId || (chat.IsConference && chat.Permissions.Delete)) return;
        throw DomainException.Forbidden(chat.IsConference
            ? "Only its author or a member allowed to delete may remove this."
            : "Only its author may remove this.");
    }

    /// <summary>Whether the caller is a conference admin: its owner or a member holding <c>admin</c>.</summary>
    public static bool IsAdmin(ChatView chat) => chat.Membership is { Active: true } m && (m.IsOwner || m.Permissions.Admin);
}
