using Microchat.Contracts;

namespace Microchat.Storage.LiteDb.Documents;

/// <summary>A message as LiteDB stores it, keyed by <see cref="MessageKeys.Message"/>.</summary>
internal sealed class MessageDocument
{
    public long Id { get; set; }
    public long SenderId { get; set; }
    public string? Text { get; set; }
    public List<AttachmentDocument> Attachments { get; set; } = [];
    public List<LinkDocument> Links { get; set; } = [];
    public long? ReplyTo { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }

    public MessageRecord ToRecord() => new()
    {
        Id = MessageKeys.IdOf(Id),
        SenderId = SenderId,
        Text = Text,
        Attachments = Attachments.Select(a => new AttachmentRecord(a.Id, a.Kind, a.MediaId)).ToList(),
        Links = Links.Select(l => new LinkRecord(l.Id, l.Url)).ToList(),
        ReplyTo = ReplyTo,
        SentAt = SentAt,
        EditedAt = EditedAt,
    };
}

/// <summary>A media attached to a message.</summary>
internal sealed class AttachmentDocument
{
    public long Id { get; set; }
    public MediaKind Kind { get; set; }
    public string MediaId { get; set; } = "";
}

/// <summary>A URL found in a message's text.</summary>
internal sealed class LinkDocument
{
    public long Id { get; set; }
    public string Url { get; set; } = "";
}

/// <summary>A gallery entry, keyed by <see cref="MessageKeys.Gallery"/>.</summary>
internal sealed class GalleryDocument
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public GalleryKind Kind { get; set; }
    public long MessageId { get; set; }
    public long SenderId { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public string? MediaId { get; set; }
    public string? Url { get; set; }

    public GalleryRecord ToRecord() => new()
    {
        Id = ItemId, Kind = Kind, MessageId = MessageId, SenderId = SenderId, SentAt = SentAt, MediaId = MediaId, Url = Url,
    };
}
