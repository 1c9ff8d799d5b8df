using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>What a message was until one of its edits.</summary>
/// <param name="Text">The text it had.</param>
/// <param name="Attachments">The attachments it had (those whose media still exists).</param>
/// <param name="EditedAt">When the edit that replaced this version was made.</param>
public sealed record MessageVersion(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("attachments")] IReadOnlyList<Attachment> Attachments,
    [property: JsonPropertyName("edited_at")] DateTimeOffset EditedAt);
