using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary><c>GET /api/me</c>: the caller's own chat details (as <c>GET /api/chats/@{own alias}</c>) and whether it is a site administrator.</summary>
public sealed record Me
{
    /// <summary>The caller's entity number.</summary>
    [JsonPropertyName("id")] public required long Id { get; init; }
    /// <summary>The caller's alias.</summary>
    [JsonPropertyName("alias")] public required string Alias { get; init; }
    /// <summary>User or bot.</summary>
    [JsonPropertyName("type")] public required EntityType Type { get; init; }
    /// <summary>The current avatar, if any.</summary>
    [JsonPropertyName("avatar")] public Media? Avatar { get; init; }
    /// <summary>A user's first name.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }
    /// <summary>A user's surname.</summary>
    [JsonPropertyName("surname")] public string? Surname { get; init; }
    /// <summary>A user's bio.</summary>
    [JsonPropertyName("bio")] public string? Bio { get; init; }
    /// <summary>Conferences the caller is in, as in its own chat details (users only).</summary>
    [JsonPropertyName("common_conferences")] public IReadOnlyList<EntitySummary>? CommonConferences { get; init; }
    /// <summary>A bot's title.</summary>
    [JsonPropertyName("title")] public string? Title { get; init; }
    /// <summary>A bot's description.</summary>
    [JsonPropertyName("description")] public string? Description { get; init; }
    /// <summary>Always null for a user or bot; kept so the shape is exactly the chat details'.</summary>
    [JsonPropertyName("private")] public bool? Private { get; init; }
    /// <summary>A bot's owner.</summary>
    [JsonPropertyName("owner")] public EntitySummary? Owner { get; init; }
    /// <summary>Always null for a user or bot; kept so the shape is exactly the chat details'.</summary>
    [JsonPropertyName("member_count")] public int? MemberCount { get; init; }
    /// <summary>The caller's permissions in its own chat.</summary>
    [JsonPropertyName("permissions")] public required Permissions Permissions { get; init; }
    /// <summary>Whether the caller is a site administrator (<c>MicrochatOptions.Administrators</c>).</summary>
    [JsonPropertyName("site_admin")] public required bool SiteAdmin { get; init; }

    /// <summary>The caller's chat details with the site-administrator flag.</summary>
    public static Me From(ChatDetails details, bool siteAdmin)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new Me
        {
            Id = details.Id, Alias = details.Alias, Type = details.Type, Avatar = details.Avatar, Name = details.Name,
            Surname = details.Surname, Bio = details.Bio, CommonConferences = details.CommonConferences, Title = details.Title,
            Description = details.Description, Private = details.Private, Owner = details.Owner, MemberCount = details.MemberCount,
            Permissions = details.Permissions, SiteAdmin = siteAdmin,
        };
    }
}
