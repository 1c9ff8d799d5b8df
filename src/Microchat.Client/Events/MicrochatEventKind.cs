namespace Microchat.Client;

/// <summary>What an event of the stream reports, from its <c>event:</c> name.</summary>
public enum MicrochatEventKind
{
    /// <summary>A name this client does not know (a newer server): see <see cref="UnknownEvent"/>.</summary>
    Unknown,
    /// <summary><c>message_created</c>: a message was sent.</summary>
    MessageCreated,
    /// <summary><c>message_edited</c>: a message was edited.</summary>
    MessageEdited,
    /// <summary><c>message_deleted</c>: a message was deleted.</summary>
    MessageDeleted,
    /// <summary><c>chat_updated</c>: a chat's title, description or profile changed.</summary>
    ChatUpdated,
    /// <summary><c>avatar_changed</c>: a chat's avatar changed.</summary>
    AvatarChanged,
    /// <summary><c>chat_deleted</c>: a chat was deleted.</summary>
    ChatDeleted,
    /// <summary><c>member_added</c>: someone joined or was added to a conference.</summary>
    MemberAdded,
    /// <summary><c>member_removed</c>: someone left or was removed from a conference.</summary>
    MemberRemoved,
    /// <summary><c>permissions_changed</c>: a member's or the default permissions changed.</summary>
    PermissionsChanged,
    /// <summary><c>read</c>: the caller marked a chat read on another device.</summary>
    Read,
    /// <summary><c>reset</c>: events were missed beyond what the server keeps; refetch what you show.</summary>
    Reset,
    /// <summary><c>reaction_changed</c>: a message's reactions changed.</summary>
    ReactionChanged,
}
