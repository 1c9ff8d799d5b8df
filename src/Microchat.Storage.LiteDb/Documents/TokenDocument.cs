namespace Microchat.Storage.LiteDb.Documents;

/// <summary>A token as LiteDB stores it: the hash, never the secret.</summary>
internal sealed class TokenDocument
{
    public long Id { get; set; }
    public long OwnerId { get; set; }
    public string Hash { get; set; } = "";
    public string? Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public static TokenDocument From(TokenRecord r) => new()
    {
        Id = r.Id, OwnerId = r.OwnerId, Hash = r.Hash, Name = r.Name, CreatedAt = r.CreatedAt, LastUsedAt = r.LastUsedAt,
    };

    public TokenRecord ToRecord() => new()
    {
        Id = Id, OwnerId = OwnerId, Hash = Hash, Name = Name, CreatedAt = CreatedAt, LastUsedAt = LastUsedAt,
    };
}
