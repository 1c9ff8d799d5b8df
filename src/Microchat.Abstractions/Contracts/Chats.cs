using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>One entry of the caller's chat list.</summary>
public sealed record ChatSummary(
    [property: JsonPropertyName("chat")] EntitySummary Chat,
    [property: JsonPropertyName("last_message")] Message? LastMessage,
    [property: JsonPropertyName("unread_count")] int UnreadCount);

/// <summary>Body of <c>PATCH /api/chats/@{alias}</c>: only the fields of the chat's type apply.</summary>
public sealed record UpdateChatRequest(
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("surname")] string? Surname = null,
    [property: JsonPropertyName("bio")] string? Bio = null,
    [property: JsonPropertyName("title")] string? Title = null,
    [property: JsonPropertyName("description")] string? Description = null,
    [property: JsonPropertyName("private")] bool? Private = null);

/// <summary>Body of <c>POST /api/chats/@{alias}/read</c>.</summary>
public sealed record MarkReadRequest(
    [property: JsonPropertyName("message_id")] long MessageId);

/// <summary>One of an entity's avatars.</summary>
public sealed record Avatar(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("media")] Media Media,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt);

/// <summary>Body of <c>POST /api/chats/@{alias}/avatars</c>.</summary>
public sealed record SetAvatarRequest(
    [property: JsonPropertyName("media_id")] string MediaId);
