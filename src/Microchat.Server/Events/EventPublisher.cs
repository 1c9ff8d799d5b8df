using Microchat.Server.Http;
using Microchat.Server.Telemetry;
using Microchat.Storage;

namespace Microchat.Server.Events;

/// <summary>
/// Appends events to the log. Called inside a unit of work, the events commit with the change they
/// report (the log is the outbox); the store announces them to the dispatcher once committed.
/// </summary>
internal sealed class EventPublisher(IEventStore store, MicrochatClock clock, MicrochatTelemetry telemetry)
{
    public async ValueTask PublishAsync(IReadOnlyList<OutgoingEvent> events, CancellationToken ct)
    {
        var now = clock.Now();
        var records = events
            .Where(e => e.Recipients.Count > 0)
            .Select(e => new EventRecord { Name = e.Name, Data = e.Data, Recipients = e.Recipients.ToList(), CreatedAt = now })
            .ToList();
        if (records.Count == 0) return;
        await store.AppendAsync(records, CancellationToken.None);
        telemetry.EventsPublished(records.Count);
    }

    public ValueTask PublishAsync(OutgoingEvent e, CancellationToken ct) => PublishAsync([e], ct);

    /// <summary>Appends an entry for the servers only (see <see cref="ControlEvents"/>).</summary>
    public async ValueTask PublishControlAsync(EventRecord control) => await store.AppendAsync([control], CancellationToken.None);
}
