using Microchat.Contracts;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>
/// Stored messages and gallery items to the wire, a whole page at a time: sender summaries and
/// media are fetched in bulk, so a page costs the same few store calls however long it is.
/// </summary>
internal sealed partial class MessagePresenter(EntityPresenter entities, IMediaStore media, IReactionStore reactions)
{
    /// <summary>Messages of one chat; <c>chat</c> is the chat as the caller of <paramref name="view"/> addresses it.</summary>
    public async ValueTask<IReadOnlyList<Message>> PresentAsync(ChatView view, IReadOnlyList<MessageRecord> records, CancellationToken ct)
    {
        var presented = await PresentWithoutReactionsAsync(view, records, ct);
        return await WithReactionsAsync(view.ViewerId, presented.Select(m => (view.Key, m)).ToList(), ct);
    }

    /// <summary>Messages of many chats (the chat list's last messages), each with its chat's summary.</summary>
    public async ValueTask<IReadOnlyList<Message>> PresentAsync(IReadOnlyList<(EntitySummary Chat, MessageRecord Record)> items, CancellationToken ct)
    {
        if (items.Count == 0) return [];
        var senders = await entities.SummariesAsync(items.Select(i => i.Record.SenderId).ToList(), ct);
        return await PresentAsync(items, senders, ct);
    }

    /// <summary>One message of one chat.</summary>
    public async ValueTask<Message> PresentAsync(ChatView view, MessageRecord record, CancellationToken ct) =>
        (await PresentAsync(view, [record], ct))[0];

    /// <summary>A message just stored: nobody can have reacted to it yet, so no reactions are read.</summary>
    public async ValueTask<Message> PresentNewAsync(ChatView view, MessageRecord record, CancellationToken ct) =>
        (await PresentWithoutReactionsAsync(view, [record], ct))[0];

    /// <summary>Gallery items; an attachment whose media no longer exists is left out.</summary>
    public async ValueTask<IReadOnlyList<GalleryItem>> PresentAsync(IReadOnlyList<GalleryRecord> items, CancellationToken ct)
    {
        if (items.Count == 0) return [];
        var senders = await entities.SummariesAsync(items.Select(i => i.SenderId).ToList(), ct);
        var files = await MediaAsync(items.Where(i => i.MediaId is not null).Select(i => i.MediaId!), ct);
        var result = new List<GalleryItem>(items.Count);
        foreach (var item in items)
        {
            var sender = senders[item.SenderId];
            if (item.Kind == GalleryKind.Links)
                result.Add(new GalleryItem(item.Id, item.MessageId, sender, item.SentAt, Url: item.Url));
            else if (item.MediaId is not null && files.TryGetValue(item.MediaId, out var file))
                result.Add(new GalleryItem(item.Id, item.MessageId, sender, item.SentAt, Media: file));
        }
        return result;
    }

    private async ValueTask<IReadOnlyList<Message>> PresentWithoutReactionsAsync(ChatView view, IReadOnlyList<MessageRecord> records,
        CancellationToken ct)
    {
        // The chat's own summary comes in the same bulk call as the senders'.
        var summaries = await entities.SummariesAsync(records.Select(r => r.SenderId).Append(view.Target.Id).ToList(), ct);
        var chat = summaries[view.Target.Id];
        return await PresentAsync(records.Select(r => (chat, r)).ToList(), summaries, ct);
    }

    private async ValueTask<IReadOnlyList<Message>> PresentAsync(IReadOnlyList<(EntitySummary Chat, MessageRecord Record)> items,
        IReadOnlyDictionary<long, EntitySummary> senders, CancellationToken ct)
    {
        var files = await MediaAsync(items.SelectMany(i => i.Record.Attachments).Select(a => a.MediaId), ct);
        return items.Select(i => new Message(
            i.Record.Id,
            i.Chat,
            senders[i.Record.SenderId],
            i.Record.Text,
            i.Record.Attachments
                .Where(a => files.ContainsKey(a.MediaId))
                .Select(a => new Attachment(a.Id, a.Kind, files[a.MediaId]))
                .ToList(),
            i.Record.ReplyTo,
            i.Record.SentAt,
            i.Record.EditedAt)).ToList();
    }

    private async ValueTask<IReadOnlyDictionary<string, Media>> MediaAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0) return new Dictionary<string, Media>();
        var found = await media.GetManyAsync(distinct, ct);
        return found.ToDictionary(m => m.Id, m => m.ToContract(), StringComparer.Ordinal);
    }
}
