using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>How an entity is shown wherever another one refers to it.</summary>
/// <param name="Id">The entity's number.</param>
/// <param name="Alias">The entity's alias; null for a deleted account.</param>
/// <param name="Type">User, bot or conference.</param>
/// <param name="Title">A user's "name surname", or a bot's or conference's title.</param>
/// <param name="Avatar">The current avatar, if any.</param>
public sealed record EntitySummary(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("alias")] string? Alias,
    [property: JsonPropertyName("type")] EntityType Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("avatar")] Media? Avatar);
