namespace Microchat.Storage.LiteDb.Documents;

/// <summary>
/// Where one chat's history stands. Its <see cref="Number"/> prefixes the chat's message and
/// gallery keys, so a chat's history is one contiguous range of the primary index.
/// </summary>
internal sealed class ChatDocument
{
    /// <summary>The chat key ("d:3:17", "c:42").</summary>
    public string Id { get; set; } = "";
    public long Number { get; set; }
    /// <summary>The id given to the newest message ever sent (ids are never reused).</summary>
    public long LastMessageId { get; set; }
    /// <summary>The id given to the newest attachment or link ever added.</summary>
    public long LastAttachmentId { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    /// <summary>A dialog's two sides (one for saved messages); empty for a conference.</summary>
    public List<long> Participants { get; set; } = [];
}
