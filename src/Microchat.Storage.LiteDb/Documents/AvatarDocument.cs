namespace Microchat.Storage.LiteDb.Documents;

/// <summary>An avatar as LiteDB stores it.</summary>
internal sealed class AvatarDocument
{
    public long Id { get; set; }
    public long EntityId { get; set; }
    public string MediaId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public static AvatarDocument From(AvatarRecord r) => new() { Id = r.Id, EntityId = r.EntityId, MediaId = r.MediaId, CreatedAt = r.CreatedAt };

    public AvatarRecord ToRecord() => new() { Id = Id, EntityId = EntityId, MediaId = MediaId, CreatedAt = CreatedAt };
}
