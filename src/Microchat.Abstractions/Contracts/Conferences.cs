using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>Body of <c>POST /api/conferences</c>.</summary>
public sealed record CreateConferenceRequest(
    [property: JsonPropertyName("alias")] string Alias,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string? Description = null,
    [property: JsonPropertyName("private")] bool? Private = null);

/// <summary>A conference member.</summary>
public sealed record Member(
    [property: JsonPropertyName("member")] EntitySummary Entity,
    [property: JsonPropertyName("role")] MemberRole Role,
    [property: JsonPropertyName("joined_at")] DateTimeOffset JoinedAt);

/// <summary>Body of <c>POST /api/chats/@{conf}/members</c>: the alias or the id of a user or bot.</summary>
public sealed record AddMemberRequest(
    [property: JsonPropertyName("alias")] string? Alias = null,
    [property: JsonPropertyName("id")] long? Id = null);
