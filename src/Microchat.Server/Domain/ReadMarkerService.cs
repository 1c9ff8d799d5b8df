using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Server.Events;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>How far each participant has read each chat: the marker behind unread counts.</summary>
internal sealed class ReadMarkerService(
    ChatAccess access,
    IMessageStore messages,
    IReadMarkerStore markers,
    EntityPresenter presenter,
    EventPublisher publisher,
    UnitOfWorkRunner units)
{
    /// <summary>
    /// Moves the caller's marker forward to a message it can read; a message at or behind the
    /// marker changes nothing and tells no one. The caller's other streams learn of a move.
    /// </summary>
    public async ValueTask MarkReadAsync(Caller caller, string chat, MarkReadRequest request, CancellationToken ct)
    {
        var view = await access.ViewAsync(caller, chat, ct);
        if (!view.IsParticipant) throw DomainException.Forbidden("Only the chat's participants keep a read marker.");
        var id = request.MessageId;
        var exists = view.CanRead(id) && await messages.GetAsync(view.Key, id, ct) is not null;
        if (!exists) throw DomainException.Invalid("message_id", "message_id must be the id of a message of this chat that you can read.");

        var summary = await presenter.SummaryAsync(view.Target, ct);
        await units.RunAsync([caller.Id], async inner =>
        {
            var current = (await markers.GetAsync(caller.Id, [view.Key], inner)).GetValueOrDefault(view.Key);
            if (id <= current) return;
            await markers.SetAsync(caller.Id, view.Key, id, inner);
            await publisher.PublishAsync(OutgoingEvent.Create(EventNames.Read, new MessageIdEventData(summary, id), [caller.Id]), inner);
        }, ct);
    }
}
