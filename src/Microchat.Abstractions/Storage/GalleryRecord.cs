using Microchat.Contracts;

namespace Microchat.Storage;

/// <summary>An attachment or link as its chat's gallery lists it.</summary>
public sealed record GalleryRecord
{
    /// <summary>The attachment's number in its chat.</summary>
    public required long Id { get; init; }
    /// <summary>The message that carries it.</summary>
    public required long MessageId { get; init; }
    /// <summary>Who sent that message.</summary>
    public required long SenderId { get; init; }
    /// <summary>When that message was sent.</summary>
    public required DateTimeOffset SentAt { get; init; }
    /// <summary>Which gallery it belongs to.</summary>
    public required GalleryKind Kind { get; init; }
    /// <summary>The media, for every kind but links.</summary>
    public string? MediaId { get; init; }
    /// <summary>The URL, for links.</summary>
    public string? Url { get; init; }
}
