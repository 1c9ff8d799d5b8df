namespace Microchat.Storage;

/// <summary>What a message was until an edit replaced it.</summary>
/// <param name="Text">Its text then.</param>
/// <param name="Attachments">Its attachments then.</param>
/// <param name="EditedAt">When the edit that replaced it was made.</param>
public sealed record MessageVersionRecord(string? Text, IReadOnlyList<AttachmentRecord> Attachments, DateTimeOffset EditedAt);
