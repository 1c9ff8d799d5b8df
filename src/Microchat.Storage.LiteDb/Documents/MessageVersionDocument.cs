namespace Microchat.Storage.LiteDb.Documents;

/// <summary>A message as it was until an edit, keyed by <see cref="BinaryKeys.Version"/>.</summary>
internal sealed class MessageVersionDocument
{
    public byte[] Id { get; set; } = [];
    public string? Text { get; set; }
    public List<AttachmentDocument> Attachments { get; set; } = [];
    public DateTimeOffset EditedAt { get; set; }
}
