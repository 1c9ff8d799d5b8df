using Microchat.Contracts;
using Microchat.Storage;

namespace Microchat.Server.Domain;

// Reactions join a presented page in one bulk store call, each with the viewer's own "me".
internal sealed partial class MessagePresenter
{
    /// <summary>Messages of many chats as one viewer sees them (the chat list's last messages, search results), reactions included.</summary>
    public async ValueTask<IReadOnlyList<Message>> PresentAsync(long viewerId,
        IReadOnlyList<(EntitySummary Chat, ChatKey Key, MessageRecord Record)> items, CancellationToken ct)
    {
        var presented = await PresentAsync(items.Select(i => (i.Chat, i.Record)).ToList(), ct);
        return await WithReactionsAsync(viewerId, items.Select((item, i) => (item.Key, presented[i])).ToList(), ct);
    }

    private async ValueTask<IReadOnlyList<Message>> WithReactionsAsync(long viewerId, IReadOnlyList<(ChatKey Key, Message Message)> page,
        CancellationToken ct)
    {
        if (page.Count == 0) return [];
        var found = await reactions.GetAsync(page.Select(p => (p.Key, p.Message.Id)).ToList(), viewerId, ct);
        if (found.Count == 0) return page.Select(p => p.Message).ToList();
        var byMessage = found.ToDictionary(r => (r.Chat, r.MessageId));
        return page
            .Select(p => byMessage.TryGetValue((p.Key, p.Message.Id), out var r)
                ? p.Message with { Reactions = ReactionView.Present(r.Counts, r.Mine) }
                : p.Message)
            .ToList();
    }
}
