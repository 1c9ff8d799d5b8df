namespace Microchat.Storage;

/// <summary>The first response to a POST sent with an Idempotency-Key, kept to answer repeats.</summary>
public sealed record IdempotencyRecord
{
    /// <summary>Who sent it and the key they gave, joined.</summary>
    public required string Key { get; init; }
    /// <summary>The HTTP status of the first response.</summary>
    public required int StatusCode { get; init; }
    /// <summary>Its Content-Type, if any.</summary>
    public string? ContentType { get; init; }
    /// <summary>Its Location header, if any.</summary>
    public string? Location { get; init; }
    /// <summary>Its body.</summary>
    public required byte[] Body { get; init; }
    /// <summary>When it was stored.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
