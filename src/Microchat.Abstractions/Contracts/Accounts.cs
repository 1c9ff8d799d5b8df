using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>Body of <c>POST /api/users</c>.</summary>
public sealed record RegisterUserRequest(
    [property: JsonPropertyName("alias")] string Alias,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("surname")] string? Surname = null,
    [property: JsonPropertyName("bio")] string? Bio = null);

/// <summary>Body of <c>POST /api/bots</c>.</summary>
public sealed record CreateBotRequest(
    [property: JsonPropertyName("alias")] string Alias,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string? Description = null);

/// <summary>A new bot and its token, shown this once.</summary>
public sealed record CreatedBot(
    [property: JsonPropertyName("bot")] ChatDetails Bot,
    [property: JsonPropertyName("token")] string Token);

/// <summary>Body of <c>POST /api/auth/tokens</c>: a password login.</summary>
public sealed record CreateTokenRequest(
    [property: JsonPropertyName("login")] string Login,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("name")] string? Name = null);

/// <summary>A new token with its secret, shown this once.</summary>
public sealed record CreatedToken(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt);

/// <summary>A live token of the caller's, without its secret.</summary>
public sealed record TokenInfo(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("last_used_at")] DateTimeOffset? LastUsedAt,
    [property: JsonPropertyName("current")] bool Current);
