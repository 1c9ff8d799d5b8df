using Microchat.Contracts;

namespace Microchat.Storage.LiteDb.Documents;

/// <summary>An entity as LiteDB stores it.</summary>
internal sealed class EntityDocument
{
    public long Id { get; set; }
    public string Alias { get; set; } = "";
    /// <summary>The alias in lower case: the unique key that makes aliases case-insensitive.</summary>
    public string AliasKey { get; set; } = "";
    public EntityType Type { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? PasswordHash { get; set; }
    public string? Name { get; set; }
    public string? Surname { get; set; }
    public string? Bio { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public long? OwnerId { get; set; }
    public bool IsPrivate { get; set; }
    public Permissions? DefaultPermissions { get; set; }

    public static string KeyOf(string alias) => alias.ToLowerInvariant();

    public static EntityDocument From(EntityRecord r) => new()
    {
        Id = r.Id, Alias = r.Alias, AliasKey = KeyOf(r.Alias), Type = r.Type, CreatedAt = r.CreatedAt,
        PasswordHash = r.PasswordHash, Name = r.Name, Surname = r.Surname, Bio = r.Bio, Title = r.Title,
        Description = r.Description, OwnerId = r.OwnerId, IsPrivate = r.IsPrivate, DefaultPermissions = r.DefaultPermissions,
    };

    public EntityRecord ToRecord() => new()
    {
        Id = Id, Alias = Alias, Type = Type, CreatedAt = CreatedAt, PasswordHash = PasswordHash, Name = Name,
        Surname = Surname, Bio = Bio, Title = Title, Description = Description, OwnerId = OwnerId,
        IsPrivate = IsPrivate, DefaultPermissions = DefaultPermissions,
    };
}
