using Microchat.Contracts;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>
/// The caller's chat list: dialogs with at least one message and conferences the caller is a
/// member of, newest activity first, each with its last readable message and unread count.
/// </summary>
/// <remarks>
/// Cost: three store calls to find and order every chat (dialogs, memberships, activity, each one
/// call however many chats), then for the page: entities, avatars and their media, read markers,
/// senders and attachment media in bulk, plus two calls per chat on the page (its last readable
/// message and its unread count), since both are index ranges of that chat alone.
/// </remarks>
internal sealed class ChatListService(
    IMessageStore messages,
    IMemberStore members,
    IEntityStore entities,
    IReadMarkerStore markers,
    EntityPresenter presenter,
    MessagePresenter messagePresenter)
{
    private sealed record Entry(ChatKey Key, long EntityId, DateTimeOffset At, long LastMessageId, MemberRecord? Membership);

    public async ValueTask<IReadOnlyList<ChatSummary>> ListAsync(Caller caller, PageQuery page, CancellationToken ct)
    {
        var dialogs = await messages.ListDialogsAsync(caller.Id, ct);
        var memberships = await members.ListMembershipsAsync(caller.Id, ct);
        var keys = dialogs.Concat(memberships.Select(m => ChatKey.Conference(m.ConferenceId))).ToList();
        var activity = (await messages.GetActivityAsync(keys, ct)).ToDictionary(a => a.Chat);

        var entries = dialogs
            .Where(activity.ContainsKey)
            .Select(key => new Entry(key, OtherSide(key, caller.Id), activity[key].LastActivityAt, activity[key].LastMessageId, null))
            .Concat(memberships.Select(m => ConferenceEntry(m, activity)))
            .OrderByDescending(e => e.At)
            .ThenByDescending(e => e.LastMessageId)
            .ThenBy(e => e.Key.Value, StringComparer.Ordinal)
            .Skip(page.Skip).Take(page.Take)
            .ToList();
        if (entries.Count == 0) return [];

        var found = (await entities.FindManyAsync(entries.Select(e => e.EntityId).Distinct().ToList(), ct)).ToDictionary(e => e.Id);
        var summaries = await presenter.SummariesAsync(found.Values.ToList(), ct);
        var marks = await markers.GetAsync(caller.Id, entries.Select(e => e.Key).ToList(), ct);

        var rows = new List<(EntitySummary Chat, MessageRecord? Last, int Unread, ChatKey Key)>(entries.Count);
        foreach (var entry in entries)
        {
            var chat = summaries.TryGetValue(entry.EntityId, out var summary) ? summary : EntityPresenter.Deleted(entry.EntityId);
            if (entry.Membership is { } membership)
            {
                // A conference deleted since the memberships were read is no longer a chat.
                if (!found.TryGetValue(entry.EntityId, out var conference)) continue;
                var view = ChatAccess.MemberView(conference, membership);
                if (!view.Permissions.Read)
                {
                    rows.Add((chat, null, 0, entry.Key));
                    continue;
                }
                // Messages from before the caller joined were never theirs to read as new.
                var joinedAfter = membership.Spans.Count > 0 ? membership.Spans[^1].From - 1 : 0;
                var marker = Math.Max(marks.GetValueOrDefault(entry.Key), joinedAfter);
                rows.Add(await RowAsync(entry.Key, chat, marker, view.ReadableSpans, caller.Id, ct));
            }
            else
            {
                rows.Add(await RowAsync(entry.Key, chat, marks.GetValueOrDefault(entry.Key), null, caller.Id, ct));
            }
        }

        // Every last message is presented in one bulk pass, then handed back to its row in order.
        var presented = await messagePresenter.PresentAsync(caller.Id, rows.Where(r => r.Last is not null).Select(r => (r.Chat, r.Key, r.Last!)).ToList(), ct);
        var next = 0;
        return rows.Select(r => new ChatSummary(r.Chat, r.Last is null ? null : presented[next++], r.Unread)).ToList();
    }

    private async ValueTask<(EntitySummary, MessageRecord?, int, ChatKey)> RowAsync(ChatKey key, EntitySummary chat, long marker,
        IReadOnlyList<MessageSpan>? spans, long callerId, CancellationToken ct)
    {
        var last = await messages.ListAsync(key, new MessageQuery(null, 0, 1, spans), ct);
        var unread = await messages.CountAfterAsync(key, marker, callerId, spans, ct);
        return (chat, last.Count > 0 ? last[0] : null, unread, key);
    }

    // Joining is activity too: a conference the caller was just added to comes first even if it is quiet.
    private static Entry ConferenceEntry(MemberRecord membership, Dictionary<ChatKey, ChatActivity> activity)
    {
        var key = ChatKey.Conference(membership.ConferenceId);
        var last = activity.GetValueOrDefault(key);
        var at = last is not null && last.LastActivityAt > membership.JoinedAt ? last.LastActivityAt : membership.JoinedAt;
        return new Entry(key, membership.ConferenceId, at, last?.LastMessageId ?? 0, membership);
    }

    private static long OtherSide(ChatKey dialog, long callerId)
    {
        var sides = dialog.Participants;
        return sides[0] == callerId ? sides[1] : sides[0];
    }
}
