namespace Microchat.Storage;

/// <summary>
/// The store's word that the event log grew: every event committed, on this host or (for a store
/// shared by several hosts) on another, is announced once on every host, in id order. The log
/// itself stays in <see cref="IEventStore"/>; this is how hosts learn of it without polling.
/// </summary>
public interface IEventFeed
{
    /// <summary>Calls <paramref name="onCommitted"/> with each batch of newly committed events; keep it short (hand off, do not block).</summary>
    void Subscribe(Action<IReadOnlyList<EventRecord>> onCommitted);

    /// <summary>
    /// Announces an event that is never stored (typing) to every host's subscribers, with id 0;
    /// best effort: it may be lost, never replayed.
    /// </summary>
    void PublishEphemeral(EventRecord ephemeral);
}
