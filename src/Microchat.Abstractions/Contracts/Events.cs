using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>The <c>event:</c> names of the event stream.</summary>
public static class EventNames
{
    /// <summary>A message was sent.</summary>
    public const string MessageCreated = "message_created";
    /// <summary>A message was edited.</summary>
    public const string MessageEdited = "message_edited";
    /// <summary>A message was deleted.</summary>
    public const string MessageDeleted = "message_deleted";
    /// <summary>A chat's title, description or profile changed.</summary>
    public const string ChatUpdated = "chat_updated";
    /// <summary>A chat's avatar changed.</summary>
    public const string AvatarChanged = "avatar_changed";
    /// <summary>A chat was deleted.</summary>
    public const string ChatDeleted = "chat_deleted";
    /// <summary>Someone joined or was added to a conference.</summary>
    public const string MemberAdded = "member_added";
    /// <summary>Someone left or was removed from a conference.</summary>
    public const string MemberRemoved = "member_removed";
    /// <summary>A member's or the default permissions changed.</summary>
    public const string PermissionsChanged = "permissions_changed";
    /// <summary>A message's reactions changed.</summary>
    public const string ReactionChanged = "reaction_changed";
    /// <summary>The caller marked a chat read on another device.</summary>
    public const string Read = "read";
    /// <summary>Someone is typing in the chat; never logged, no id, never replayed.</summary>
    public const string Typing = "typing";
    /// <summary>Events were missed beyond retention: refetch.</summary>
    public const string Reset = "reset";
    /// <summary>Keeps an idle stream open (and opens every stream at once); carries no change.</summary>
    public const string Heartbeat = "heartbeat";
}

/// <summary>Data of <c>message_created</c> and <c>message_edited</c>.</summary>
public sealed record MessageEventData(
    [property: JsonPropertyName("chat")] EntitySummary Chat,
    [property: JsonPropertyName("message")] Message Message);

/// <summary>Data of <c>message_deleted</c> and <c>read</c>.</summary>
public sealed record MessageIdEventData(
    [property: JsonPropertyName("chat")] EntitySummary Chat,
    [property: JsonPropertyName("message_id")] long MessageId);

/// <summary>Data of <c>chat_updated</c>, <c>avatar_changed</c> and <c>chat_deleted</c>.</summary>
public sealed record ChatEventData(
    [property: JsonPropertyName("chat")] EntitySummary Chat);

/// <summary>Data of <c>member_added</c> and <c>member_removed</c>.</summary>
public sealed record MemberEventData(
    [property: JsonPropertyName("chat")] EntitySummary Chat,
    [property: JsonPropertyName("member")] Member Member);

/// <summary>Data of <c>permissions_changed</c>; no member when the defaults changed.</summary>
public sealed record PermissionsEventData(
    [property: JsonPropertyName("chat")] EntitySummary Chat,
    [property: JsonPropertyName("member")] Member? Member,
    [property: JsonPropertyName("permissions")] Permissions Permissions);

/// <summary>Data of <c>typing</c>: who is typing, in which chat (as the receiver addresses it).</summary>
public sealed record TypingEventData(
    [property: JsonPropertyName("chat")] EntitySummary Chat,
    [property: JsonPropertyName("sender")] EntitySummary Sender);
