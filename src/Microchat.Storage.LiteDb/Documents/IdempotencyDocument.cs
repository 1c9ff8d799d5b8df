namespace Microchat.Storage.LiteDb.Documents;

/// <summary>A remembered response as LiteDB stores it.</summary>
internal sealed class IdempotencyDocument
{
    public string Id { get; set; } = "";
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[] Body { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }

    public IdempotencyRecord ToRecord() => new()
    {
        Key = Id, StatusCode = StatusCode, ContentType = ContentType, Location = Location, Body = Body, CreatedAt = CreatedAt,
    };
}
