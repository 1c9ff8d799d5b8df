using Microchat.Contracts;

namespace Microchat.Storage;

/// <summary>An uploaded file's metadata; its bytes live in the blob store under <see cref="Sha256"/>.</summary>
public sealed record MediaRecord
{
    /// <summary>A random, unguessable id.</summary>
    public required string Id { get; init; }
    /// <summary>Who uploaded it.</summary>
    public required long UploaderId { get; init; }
    /// <summary>The file name.</summary>
    public required string Name { get; init; }
    /// <summary>The media type the bytes really are.</summary>
    public required string ContentType { get; init; }
    /// <summary>Length in bytes.</summary>
    public required long Size { get; init; }
    /// <summary>Lower-case hex SHA-256 of the bytes: the blob's key.</summary>
    public required string Sha256 { get; init; }
    /// <summary>The gallery it belongs to.</summary>
    public required MediaKind Kind { get; init; }
    /// <summary>When it was uploaded.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
