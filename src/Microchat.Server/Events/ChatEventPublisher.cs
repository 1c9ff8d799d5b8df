using Microchat.Contracts;
using Microchat.Storage;

namespace Microchat.Server.Events;

/// <summary>
/// Publishes an event of one chat to the chat's participants, each seeing the chat as they
/// address it: in a dialog each side gets the other party as <c>chat</c>; in a conference every
/// current member gets the conference.
/// </summary>
internal sealed class ChatEventPublisher(
    EventPublisher publisher, IMemberStore members, IMessageStore messages, Domain.EntityPresenter presenter)
{
    /// <param name="chat">The chat the event happened in.</param>
    /// <param name="name">The event name (<see cref="EventNames"/>).</param>
    /// <param name="data">Makes the data from the chat as one recipient addresses it.</param>
    /// <param name="alsoTo">Recipients beyond the current participants (a member just removed, say).</param>
    /// <param name="ct">Cancels the lookups, never the append.</param>
    public async ValueTask PublishAsync<T>(ChatKey chat, string name, Func<EntitySummary, T> data, CancellationToken ct,
        IEnumerable<long>? alsoTo = null)
    {
        var extra = alsoTo?.ToList() ?? [];
        if (chat.IsDialog)
        {
            var sides = chat.Participants;
            var (a, b) = (sides[0], sides[1]);
            var summaries = await presenter.SummariesAsync([a, b], ct);
            var events = a == b
                ? [OutgoingEvent.Create(name, data(summaries[a]), [a])]
                : new List<OutgoingEvent>
                {
                    OutgoingEvent.Create(name, data(summaries[b]), [a]),
                    OutgoingEvent.Create(name, data(summaries[a]), [b]),
                };
            await publisher.PublishAsync(events, ct);
            return;
        }

        var conferenceId = chat.ConferenceId!.Value;
        var recipients = (await members.ListMemberIdsAsync(conferenceId, ct)).Concat(extra);
        var conference = (await presenter.SummariesAsync([conferenceId], ct))[conferenceId];
        await publisher.PublishAsync(OutgoingEvent.Create(name, data(conference), recipients), ct);
    }

    /// <summary>
    /// Publishes a change of a user's or bot's own profile (<c>chat_updated</c>, <c>avatar_changed</c>)
    /// to the entity itself and to everyone who has a dialog with it.
    /// </summary>
    public async ValueTask PublishProfileAsync(long entityId, string name, CancellationToken ct)
    {
        var dialogs = await messages.ListDialogsAsync(entityId, ct);
        var recipients = dialogs.SelectMany(d => d.Participants).Append(entityId);
        var summary = (await presenter.SummariesAsync([entityId], ct))[entityId];
        await publisher.PublishAsync(OutgoingEvent.Create(name, new ChatEventData(summary), recipients), ct);
    }
}
