using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>An uploaded file.</summary>
/// <param name="Id">A random, unguessable id.</param>
/// <param name="Name">The file name given at upload.</param>
/// <param name="ContentType">The media type the bytes really are.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes.</param>
/// <param name="Kind">The gallery the file belongs to.</param>
/// <param name="CreatedAt">When it was uploaded.</param>
public sealed record Media(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("content_type")] string ContentType,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("kind")] MediaKind Kind,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt);
