using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>An RFC 9457 problem body, as every error of the API is answered.</summary>
public sealed record Problem(
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("errors")] IReadOnlyDictionary<string, string[]>? Errors = null);
