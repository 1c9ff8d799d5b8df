using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>A chat as the caller sees it: a user's or bot's profile, or a conference.</summary>
/// <remarks>Fields that do not apply to <see cref="Type"/> are null.</remarks>
public sealed record ChatDetails
{
    /// <summary>The entity's number.</summary>
    [JsonPropertyName("id")] public required long Id { get; init; }
    /// <summary>The entity's alias.</summary>
    [JsonPropertyName("alias")] public required string Alias { get; init; }
    /// <summary>User, bot or conference.</summary>
    [JsonPropertyName("type")] public required EntityType Type { get; init; }
    /// <summary>The current avatar, if any.</summary>
    [JsonPropertyName("avatar")] public Media? Avatar { get; init; }
    /// <summary>A user's first name.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }
    /// <summary>A user's surname.</summary>
    [JsonPropertyName("surname")] public string? Surname { get; init; }
    /// <summary>A user's bio.</summary>
    [JsonPropertyName("bio")] public string? Bio { get; init; }
    /// <summary>Conferences both the caller and this user are in (users only).</summary>
    [JsonPropertyName("common_conferences")] public IReadOnlyList<EntitySummary>? CommonConferences { get; init; }
    /// <summary>A bot's or conference's title.</summary>
    [JsonPropertyName("title")] public string? Title { get; init; }
    /// <summary>A bot's or conference's description.</summary>
    [JsonPropertyName("description")] public string? Description { get; init; }
    /// <summary>Whether a conference is private.</summary>
    [JsonPropertyName("private")] public bool? Private { get; init; }
    /// <summary>A bot's or conference's owner.</summary>
    [JsonPropertyName("owner")] public EntitySummary? Owner { get; init; }
    /// <summary>How many members a conference has.</summary>
    [JsonPropertyName("member_count")] public int? MemberCount { get; init; }
    /// <summary>The caller's permissions in this chat.</summary>
    [JsonPropertyName("permissions")] public required Permissions Permissions { get; init; }
}
