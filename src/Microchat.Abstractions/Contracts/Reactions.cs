using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>One emoji's reactions on a message, as one receiver sees them.</summary>
/// <param name="Emoji">The emoji, one grapheme cluster.</param>
/// <param name="Count">How many reacted with it.</param>
/// <param name="Me">Whether the receiver is one of them.</param>
public sealed record Reaction(
    [property: JsonPropertyName("emoji")] string Emoji,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("me")] bool Me);

/// <summary>Data of <c>reaction_changed</c>: the message's reactions after the change, with the receiver's own <c>me</c>.</summary>
public sealed record ReactionEventData(
    [property: JsonPropertyName("chat")] EntitySummary Chat,
    [property: JsonPropertyName("message_id")] long MessageId,
    [property: JsonPropertyName("reactions")] IReadOnlyList<Reaction> Reactions);
