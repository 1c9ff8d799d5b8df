using Microchat.Contracts;
using Microchat.Storage;

namespace Microchat.Server.Events;

/// <summary>
/// Publishes events whose data carries a message's reactions, so each receiver's <c>me</c> is its own.
/// Receivers that reacted with the same emoji set see the same data, so a conference gets one event for
/// everyone who did not react and one per distinct set of the reactors' emoji: never one per member,
/// and never more events than reactors plus one.
/// </summary>
internal sealed class ReactionEventPublisher(
    EventPublisher publisher, ChatEventPublisher chatEvents, IMemberStore members, IReactionStore reactions, Domain.EntityPresenter presenter)
{
    /// <summary><c>reaction_changed</c> for one message, from its reactions after the change.</summary>
    public ValueTask PublishChangedAsync(ChatKey chat, long messageId, ReactionState state) =>
        PublishAsync(chat, EventNames.ReactionChanged, state, (summary, list) => new ReactionEventData(summary, messageId, list));

    /// <summary>
    /// <c>message_created</c> or <c>message_edited</c>: the message's <c>chat</c> as each receiver addresses it and, when it has
    /// reactions, each receiver's own <c>me</c>.
    /// </summary>
    public async ValueTask PublishMessageAsync(ChatKey chat, string name, Message message)
    {
        if (message.Reactions.Count == 0)
        {
            await chatEvents.PublishAsync(chat, name, summary => new MessageEventData(summary, message with { Chat = summary }), CancellationToken.None);
            return;
        }
        var state = await reactions.GetStateAsync(chat, message.Id, CancellationToken.None);
        await PublishAsync(chat, name, state,
            (summary, list) => new MessageEventData(summary, message with { Chat = summary, Reactions = list }));
    }

    private async ValueTask PublishAsync<T>(ChatKey chat, string name, ReactionState state,
        Func<EntitySummary, IReadOnlyList<Reaction>, T> data)
    {
        // The change is stored: a cancelled request must not lose its event.
        var ct = CancellationToken.None;
        if (chat.IsDialog)
        {
            var sides = chat.Participants.Distinct().ToList();
            var summaries = await presenter.SummariesAsync(chat.Participants, ct);
            var events = sides.Select(side =>
            {
                var other = sides.Count == 1 ? side : sides.Single(s => s != side);
                return OutgoingEvent.Create(name, data(summaries[other], Domain.ReactionView.Present(state, side)), [side]);
            }).ToList();
            await publisher.PublishAsync(events, ct);
            return;
        }

        var conferenceId = chat.ConferenceId!.Value;
        var recipients = await members.ListMemberIdsAsync(conferenceId, ct);
        var conference = (await presenter.SummariesAsync([conferenceId], ct))[conferenceId];
        var groups = recipients.GroupBy(id => state.ByReactor.TryGetValue(id, out var mine)
            ? string.Join('\n', mine.Order(StringComparer.Ordinal))
            : "");
        var grouped = groups
            .Select(g => OutgoingEvent.Create(name, data(conference, Domain.ReactionView.Present(state, g.First())), g))
            .ToList();
        await publisher.PublishAsync(grouped, ct);
    }
}
