namespace Microchat.Storage;

/// <summary>One avatar an entity has set.</summary>
public sealed record AvatarRecord
{
    /// <summary>The avatar's number, assigned by the store.</summary>
    public long Id { get; init; }
    /// <summary>The user, bot or conference it belongs to.</summary>
    public required long EntityId { get; init; }
    /// <summary>The photo.</summary>
    public required string MediaId { get; init; }
    /// <summary>When it was set.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
