namespace Microchat.Storage.LiteDb.Documents;

/// <summary>An event-log entry as LiteDB stores it.</summary>
internal sealed class EventDocument
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Data { get; set; } = "";
    public List<long> Recipients { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }

    public EventRecord ToRecord() => new() { Id = Id, Name = Name, Data = Data, Recipients = Recipients, CreatedAt = CreatedAt };
}
