using Microchat.Contracts;

namespace Microchat.Storage.LiteDb.Documents;

/// <summary>Media metadata as LiteDB stores it.</summary>
internal sealed class MediaDocument
{
    public string Id { get; set; } = "";
    public long UploaderId { get; set; }
    public string Name { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public MediaKind Kind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static MediaDocument From(MediaRecord r) => new()
    {
        Id = r.Id, UploaderId = r.UploaderId, Name = r.Name, ContentType = r.ContentType, Size = r.Size,
        Sha256 = r.Sha256, Kind = r.Kind, CreatedAt = r.CreatedAt,
    };

    public MediaRecord ToRecord() => new()
    {
        Id = Id, UploaderId = UploaderId, Name = Name, ContentType = ContentType, Size = Size,
        Sha256 = Sha256, Kind = Kind, CreatedAt = CreatedAt,
    };
}
