namespace Microchat.Storage;

/// <summary>A user in another user's contact list, under the owner's names for them.</summary>
public sealed record ContactRecord
{
    /// <summary>Whose list it is in.</summary>
    public required long OwnerId { get; init; }
    /// <summary>The user it names.</summary>
    public required long UserId { get; init; }
    /// <summary>The owner's name for them.</summary>
    public required string Name { get; init; }
    /// <summary>The owner's surname for them.</summary>
    public string? Surname { get; init; }
}
