using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>A user in the caller's contact list, under the caller's names for them.</summary>
public sealed record Contact(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("user")] EntitySummary User,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("surname")] string? Surname);

/// <summary>Body of <c>POST /api/contacts</c>.</summary>
public sealed record AddContactRequest(
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("surname")] string? Surname = null);

/// <summary>Body of <c>PATCH /api/contacts/@{username}</c>.</summary>
public sealed record UpdateContactRequest(
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("surname")] string? Surname = null);
