using Microchat.Contracts;

namespace Microchat.Storage;

/// <summary>A stored user, bot or conference. Fields that do not apply to its type are null.</summary>
public sealed record EntityRecord
{
    /// <summary>The entity's number, assigned by the store on creation.</summary>
    public long Id { get; init; }
    /// <summary>The alias as the entity chose it; unique case-insensitively.</summary>
    public required string Alias { get; init; }
    /// <summary>User, bot or conference.</summary>
    public required EntityType Type { get; init; }
    /// <summary>When the entity was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>A user's password hash (Identity's format).</summary>
    public string? PasswordHash { get; init; }
    /// <summary>A user's first name.</summary>
    public string? Name { get; init; }
    /// <summary>A user's surname.</summary>
    public string? Surname { get; init; }
    /// <summary>A user's bio.</summary>
    public string? Bio { get; init; }
    /// <summary>A bot's or conference's title.</summary>
    public string? Title { get; init; }
    /// <summary>A bot's or conference's description.</summary>
    public string? Description { get; init; }
    /// <summary>The user who owns a bot or conference.</summary>
    public long? OwnerId { get; init; }
    /// <summary>Whether a conference is private.</summary>
    public bool IsPrivate { get; init; }
    /// <summary>A conference's permissions for new members.</summary>
    public Permissions? DefaultPermissions { get; init; }
}
