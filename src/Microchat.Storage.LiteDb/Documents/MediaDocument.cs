using System.Text;
using Microchat.Contracts;

namespace Microchat.Storage.LiteDb.Documents;

/// <summary>
/// Media metadata as LiteDB stores it. LiteDB compares strings, keys included, ignoring case, and
/// media ids are case-sensitive, so the key is the id's UTF-8 bytes in hex (<see cref="KeyOf"/>).
/// </summary>
internal sealed class MediaDocument
{
    public string Id { get; set; } = "";
    public string MediaId { get; set; } = "";
    public long UploaderId { get; set; }
    public string Name { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public MediaKind Kind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static MediaDocument From(MediaRecord r) => new()
    {
        Id = KeyOf(r.Id), MediaId = r.Id, UploaderId = r.UploaderId, Name = r.Name, ContentType = r.ContentType, Size = r.Size,
        Sha256 = r.Sha256, Kind = r.Kind, CreatedAt = r.CreatedAt,
    };

    public static string KeyOf(string mediaId) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(mediaId));

    /// <summary>Whether an id's key fits LiteDB's index (1023 bytes a key); a longer one names nothing.</summary>
    public static bool CanExist(string mediaId) => Encoding.UTF8.GetByteCount(mediaId) <= 500;

    public MediaRecord ToRecord() => new()
    {
        Id = MediaId, UploaderId = UploaderId, Name = Name, ContentType = ContentType, Size = Size,
        Sha256 = Sha256, Kind = Kind, CreatedAt = CreatedAt,
    };
}
