using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Events;

/// <summary>Appends events to the store's log, then wakes the open streams.</summary>
internal sealed class EventPublisher(IEventStore store, EventSignal signal, MicrochatClock clock)
{
    public async ValueTask PublishAsync(IReadOnlyList<OutgoingEvent> events, CancellationToken ct)
    {
        var now = clock.Now();
        var records = events
            .Where(e => e.Recipients.Count > 0)
            .Select(e => new EventRecord { Name = e.Name, Data = e.Data, Recipients = e.Recipients.ToList(), CreatedAt = now })
            .ToList();
        if (records.Count == 0) return;
        // The change this event reports is already stored: losing the request now must not lose the event.
        await store.AppendAsync(records, CancellationToken.None);
        signal.Notify();
    }

    public ValueTask PublishAsync(OutgoingEvent e, CancellationToken ct) => PublishAsync([e], ct);
}
