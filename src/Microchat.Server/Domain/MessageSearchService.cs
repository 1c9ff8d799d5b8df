using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>
/// Message search, over the store's word index: the hits of the query's words in the chats in scope,
/// then every reading rule of the chat (membership, a private conference's spans) on each hit, newest first.
/// </summary>
internal sealed class MessageSearchService(
    ChatAccess access,
    IMessageStore messages,
    IMemberStore members,
    IEntityStore entityStore,
    IMessageSearchStore search,
    EntityPresenter entities,
    MessagePresenter presenter)
{
    /// <summary>Messages holding every word of <paramref name="q"/>, across the caller's chats or in <paramref name="chat"/>.</summary>
    public async ValueTask<IReadOnlyList<Message>> SearchAsync(Caller caller, string? q, PageQuery page, string? chat, long? before,
        CancellationToken ct)
    {
        var words = SearchQuery.Words(q);
        new FieldErrors()
            .Require(before is null or >= 1, "before", "before must be a message id (1 or more).")
            .Require(before is null || chat is not null, "before", "before is a message id of one chat: give chat too.")
            .ThrowIfAny();

        var scopes = chat is null ? await CallerChatsAsync(caller, ct) : [await ChatAsync(caller, chat, ct)];
        if (scopes.Count == 0) return [];
        var byKey = scopes.ToDictionary(s => s.Key);
        var hits = await search.SearchAsync(byKey.Keys, words, before, ct);
        var pageHits = hits
            .Where(h => byKey[h.Chat].CanRead(h.MessageId))
            .OrderByDescending(h => h.SentAt)
            .ThenByDescending(h => h.MessageId)
            .ThenBy(h => h.Chat.Value, StringComparer.Ordinal)
            .Skip(page.Skip).Take(page.Take)
            .ToList();
        if (pageHits.Count == 0) return [];

        var found = (await search.GetManyAsync(pageHits.Select(h => (h.Chat, h.MessageId)).ToList(), ct))
            .ToDictionary(f => (f.Chat, f.Message.Id), f => f.Message);
        var summaries = await entities.SummariesAsync(pageHits.Select(h => byKey[h.Chat].EntityId).Distinct().ToList(), ct);
        // A hit deleted since the index was read is left out.
        var items = pageHits
            .Where(h => found.ContainsKey((h.Chat, h.MessageId)))
            .Select(h => (summaries[byKey[h.Chat].EntityId], h.Chat, found[(h.Chat, h.MessageId)]))
            .ToList();
        return await presenter.PresentAsync(caller.Id, items, ct);
    }

    private async ValueTask<Scope> ChatAsync(Caller caller, string chat, CancellationToken ct)
    {
        var view = await access.ViewAsync(caller, chat, ct);
        ChatAccess.Require(view, p => p.Read, "read messages");
        return new Scope(view.Key, view.Target.Id, view.CanRead);
    }

    // The caller's chats, as the chat list has them: dialogs with messages, and conferences it is a member of.
    private async ValueTask<List<Scope>> CallerChatsAsync(Caller caller, CancellationToken ct)
    {
        var dialogs = await messages.ListDialogsAsync(caller.Id, ct);
        var memberships = await members.ListMembershipsAsync(caller.Id, ct);
        var conferences = (await entityStore.FindManyAsync(memberships.Select(m => m.ConferenceId).ToList(), ct)).ToDictionary(c => c.Id);

        var scopes = dialogs
            .Select(key => new Scope(key, OtherSide(key, caller.Id), _ => true))
            .ToList();
        foreach (var membership in memberships)
        {
            if (!conferences.TryGetValue(membership.ConferenceId, out var conference)) continue;
            var view = ChatAccess.MemberView(conference, membership);
            if (view.Permissions.Read) scopes.Add(new Scope(view.Key, conference.Id, view.CanRead));
        }
        return scopes;
    }

    private static long OtherSide(ChatKey dialog, long callerId)
    {
        var sides = dialog.Participants;
        return sides[0] == callerId ? sides[1] : sides[0];
    }

    /// <summary>A chat in the search's scope: where its history is, the entity it shows as, and which ids the caller may read.</summary>
    private sealed record Scope(ChatKey Key, long EntityId, Func<long, bool> CanRead);
}
