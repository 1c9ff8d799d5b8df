namespace Microchat.Storage.LiteDb;

/// <summary>In one process, the writer itself announces what each commit appended to the log.</summary>
internal sealed class LiteDbEventFeed(LiteDbStorage storage) : IEventFeed
{
    public void Subscribe(Action<IReadOnlyList<EventRecord>> onCommitted) => storage.Writer.OnCommitted(onCommitted);

    // One process is every host there is: straight to the subscribers, without touching the file.
    public void PublishEphemeral(EventRecord ephemeral) => storage.Writer.Announce([ephemeral]);
}
