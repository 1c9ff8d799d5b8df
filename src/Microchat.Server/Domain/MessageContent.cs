using Microchat.Server.Errors;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>The rules of what a message may hold: text length, attachment count, existing media.</summary>
internal sealed class MessageContent(IMediaStore media)
{
    public const int MaxTextLength = 4096;
    public const int MaxAttachments = 10;
    private const int MaxMediaIdLength = 128;

    /// <summary>
    /// The text as stored: null when absent, empty or only whitespace (such text says nothing);
    /// otherwise kept exactly as sent. Length counts UTF-16 code units, as Telegram does.
    /// </summary>
    public static string? Text(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        errors.Require(text.Length <= MaxTextLength, "text", $"text is at most {MaxTextLength} characters.")
            .RequireNoControlCharacters(text, "text");
        return text;
    }

    /// <summary>
    /// The media these ids name, in the order given; every id must be a distinct, existing media.
    /// <paramref name="known"/> are attachments the message already has: they need no lookup, so an
    /// edit that keeps them works even if their media record has gone.
    /// </summary>
    public async ValueTask<IReadOnlyList<AttachmentRecord>> AttachmentsAsync(IReadOnlyList<string?> ids,
        IReadOnlyList<AttachmentRecord> known, FieldErrors errors, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        if (ids.Count > MaxAttachments)
        {
            errors.Add("attachments", $"A message has at most {MaxAttachments} attachments.");
            return [];
        }
        // Media ids are short random strings; a longer one names nothing (and makes no index lookup).
        if (ids.Any(id => string.IsNullOrEmpty(id) || id.Length > MaxMediaIdLength))
        {
            errors.Add("attachments", "Each attachment is the id of an uploaded media.");
            return [];
        }
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            errors.Add("attachments", "Each media may be attached once.");
            return [];
        }

        var kept = known.GroupBy(a => a.MediaId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var toFind = ids.Where(id => !kept.ContainsKey(id!)).Select(id => id!).ToList();
        var found = toFind.Count == 0
            ? new Dictionary<string, MediaRecord>(StringComparer.Ordinal)
            : (await media.GetManyAsync(toFind, ct)).ToDictionary(m => m.Id, StringComparer.Ordinal);

        var result = new List<AttachmentRecord>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i]!;
            if (kept.TryGetValue(id, out var attachment)) result.Add(attachment);
            else if (found.TryGetValue(id, out var file)) result.Add(new AttachmentRecord(0, file.Kind, file.Id));
            // The id is not echoed: it may be anything the caller typed.
            else errors.Add("attachments", $"Attachment {i + 1} is not an existing media.");
        }
        return result;
    }

    /// <summary>The text's links, keeping the id of each URL the message already had.</summary>
    public static IReadOnlyList<LinkRecord> Links(string? text, IReadOnlyList<LinkRecord> known)
    {
        var ids = known.GroupBy(l => l.Url, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        return LinkExtractor.Extract(text).Select(url => new LinkRecord(ids.GetValueOrDefault(url), url)).ToList();
    }
}
