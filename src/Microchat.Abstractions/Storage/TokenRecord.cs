namespace Microchat.Storage;

/// <summary>A stored bearer token: only the hash of its secret is kept.</summary>
public sealed record TokenRecord
{
    /// <summary>The token's number, assigned by the store.</summary>
    public long Id { get; init; }
    /// <summary>The user or bot the token signs in.</summary>
    public required long OwnerId { get; init; }
    /// <summary>Lower-case hex SHA-256 of the secret.</summary>
    public required string Hash { get; init; }
    /// <summary>A label the owner gave it.</summary>
    public string? Name { get; init; }
    /// <summary>When it was issued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When it last authenticated a request (updated coarsely).</summary>
    public DateTimeOffset? LastUsedAt { get; init; }
}
