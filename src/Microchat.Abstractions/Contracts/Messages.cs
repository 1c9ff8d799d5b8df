using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>A message of a chat.</summary>
public sealed record Message(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("chat")] EntitySummary Chat,
    [property: JsonPropertyName("sender")] EntitySummary Sender,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("attachments")] IReadOnlyList<Attachment> Attachments,
    [property: JsonPropertyName("reply_to")] long? ReplyTo,
    [property: JsonPropertyName("sent_at")] DateTimeOffset SentAt,
    [property: JsonPropertyName("edited_at")] DateTimeOffset? EditedAt)
{
    /// <summary>Its reactions, most used first, each saying whether the receiver is among the reactors.</summary>
    [JsonPropertyName("reactions")]
    public IReadOnlyList<Reaction> Reactions { get; init; } = [];
}

/// <summary>A file attached to a message.</summary>
public sealed record Attachment(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("kind")] MediaKind Kind,
    [property: JsonPropertyName("media")] Media Media);

/// <summary>Body of <c>POST /api/chats/@{alias}/messages</c>.</summary>
public sealed record SendMessageRequest(
    [property: JsonPropertyName("text")] string? Text = null,
    [property: JsonPropertyName("attachments")] IReadOnlyList<string>? Attachments = null,
    [property: JsonPropertyName("reply_to")] long? ReplyTo = null);

/// <summary>Body of <c>PATCH /api/chats/@{alias}/messages/{id}</c>: null fields stay as they are.</summary>
public sealed record EditMessageRequest(
    [property: JsonPropertyName("text")] string? Text = null,
    [property: JsonPropertyName("attachments")] IReadOnlyList<string>? Attachments = null);

/// <summary>One item of a chat's gallery: a media for the file kinds, a URL for links.</summary>
public sealed record GalleryItem(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("message_id")] long MessageId,
    [property: JsonPropertyName("sender")] EntitySummary Sender,
    [property: JsonPropertyName("sent_at")] DateTimeOffset SentAt,
    [property: JsonPropertyName("media")] Media? Media = null,
    [property: JsonPropertyName("url")] string? Url = null);

/// <summary>The galleries of a chat, as named in the path.</summary>
public enum GalleryKind
{
    /// <summary>Photo attachments.</summary>
    Photos,
    /// <summary>Video attachments.</summary>
    Videos,
    /// <summary>Other files.</summary>
    Files,
    /// <summary>Audio attachments.</summary>
    Audios,
    /// <summary>Animations.</summary>
    Animations,
    /// <summary>http(s) URLs in message texts.</summary>
    Links,
}
