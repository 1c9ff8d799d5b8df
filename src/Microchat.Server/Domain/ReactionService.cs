using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Server.Events;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>
/// Reacting to messages and listing who reacted. Checked in the usual order: may the caller see the chat
/// (404), may it react here (403: <c>send</c>), may it read the message (404), is the emoji one emoji (400).
/// </summary>
internal sealed class ReactionService(
    ChatAccess access,
    MessageService messages,
    IReactionStore reactions,
    ReactionEventPublisher events,
    EntityPresenter entities,
    UnitOfWorkRunner units,
    MicrochatClock clock)
{
    /// <summary>Adds the caller's reaction (nothing changes, and nothing is published, if it is there already).</summary>
    public async ValueTask ReactAsync(Caller caller, string chat, long id, string emoji, CancellationToken ct)
    {
        var (found, _) = await PrepareChangeAsync(caller, chat, id, emoji, ct);
        // The rules again inside the unit, where the reaction and its event commit together.
        await units.RunAsync(found.WriteLocks, async inner =>
        {
        var (view, valid) = await PrepareChangeAsync(caller, chat, id, emoji, inner);
        var change = await reactions.AddAsync(view.Key, id, valid, caller.Id, clock.Now(), EmojiRules.MaxDistinctPerMessage, inner);
        switch (change.Outcome)
        {
            case ReactionOutcome.NoMessage:
                throw MessageNotFound(id);
            case ReactionOutcome.TooManyEmoji:
                throw DomainException.Invalid("emoji", $"A message holds at most {EmojiRules.MaxDistinctPerMessage} distinct emoji.");
            case ReactionOutcome.Changed:
                await events.PublishChangedAsync(view.Key, id, change.State);
                break;
        }
        }, ct);
    }

    /// <summary>Removes the caller's own reaction; a 404 when it has none with this emoji.</summary>
    public async ValueTask UnreactAsync(Caller caller, string chat, long id, string emoji, CancellationToken ct)
    {
        var (found, _) = await PrepareChangeAsync(caller, chat, id, emoji, ct);
        await units.RunAsync(found.WriteLocks, async inner =>
        {
        var (view, valid) = await PrepareChangeAsync(caller, chat, id, emoji, inner);
        var change = await reactions.RemoveAsync(view.Key, id, valid, caller.Id, inner);
        switch (change.Outcome)
        {
            case ReactionOutcome.NoMessage:
                throw MessageNotFound(id);
            case ReactionOutcome.NoReaction:
                throw DomainException.NotFound($"Your reaction {valid} to message {id}");
            case ReactionOutcome.Changed:
                await events.PublishChangedAsync(view.Key, id, change.State);
                break;
        }
        }, ct);
    }

    /// <summary>Who reacted to a message with an emoji, oldest first.</summary>
    public async ValueTask<IReadOnlyList<EntitySummary>> ListAsync(Caller caller, string chat, long id, string emoji, PageQuery page,
        CancellationToken ct)
    {
        var view = await access.ViewAsync(caller, chat, ct);
        await messages.FindAsync(view, id, ct);
        var valid = EmojiRules.Require(emoji);
        var reactors = await reactions.ListReactorsAsync(view.Key, id, valid, page.Skip, page.Take, ct);
        if (reactors.Count == 0) return [];
        var summaries = await entities.SummariesAsync(reactors, ct);
        return reactors.Select(r => summaries[r]).ToList();
    }

    private async ValueTask<(ChatView View, string Emoji)> PrepareChangeAsync(Caller caller, string chat, long id, string emoji, CancellationToken ct)
    {
        var view = await access.ViewAsync(caller, chat, ct);
        ChatAccess.Require(view, p => p.Send, "react to messages");
        await messages.FindAsync(view, id, ct);
        return (view, EmojiRules.Require(emoji));
    }

    private static DomainException MessageNotFound(long id) => DomainException.NotFound($"Message {id}");
}
