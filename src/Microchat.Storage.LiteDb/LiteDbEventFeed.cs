namespace Microchat.Storage.LiteDb;

/// <summary>In one process, the writer itself announces what each commit appended to the log.</summary>
internal sealed class LiteDbEventFeed(LiteDbStorage storage) : IEventFeed
{
    public void Subscribe(Action<IReadOnlyList<EventRecord>> onCommitted) => storage.Writer.OnCommitted(onCommitted);
}
