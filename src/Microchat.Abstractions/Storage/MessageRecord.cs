using Microchat.Contracts;

namespace Microchat.Storage;

/// <summary>A stored message of one chat.</summary>
public sealed record MessageRecord
{
    /// <summary>The message's number in its chat, assigned by the store: 1, 2, 3 …</summary>
    public long Id { get; init; }
    /// <summary>Who sent it (its entity may since have been deleted).</summary>
    public required long SenderId { get; init; }
    /// <summary>The text, if any.</summary>
    public string? Text { get; init; }
    /// <summary>Attached files; an attachment with id 0 gets the chat's next attachment id from the store.</summary>
    public IReadOnlyList<AttachmentRecord> Attachments { get; init; } = [];
    /// <summary>http(s) URLs found in the text; a link with id 0 gets the chat's next attachment id from the store.</summary>
    public IReadOnlyList<LinkRecord> Links { get; init; } = [];
    /// <summary>The message of the same chat this one answers.</summary>
    public long? ReplyTo { get; init; }
    /// <summary>When it was sent.</summary>
    public required DateTimeOffset SentAt { get; init; }
    /// <summary>When it was last edited.</summary>
    public DateTimeOffset? EditedAt { get; init; }
}

/// <summary>A media attached to a message, numbered among the chat's attachments.</summary>
public sealed record AttachmentRecord(long Id, MediaKind Kind, string MediaId);

/// <summary>A URL found in a message's text, numbered among the chat's attachments.</summary>
public sealed record LinkRecord(long Id, string Url);
