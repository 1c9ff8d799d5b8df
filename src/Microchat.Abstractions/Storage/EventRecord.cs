namespace Microchat.Storage;

/// <summary>One entry of the event log: a named JSON payload and who receives it.</summary>
public sealed record EventRecord
{
    /// <summary>Increasing id, assigned by the store.</summary>
    public long Id { get; init; }
    /// <summary>The SSE event name.</summary>
    public required string Name { get; init; }
    /// <summary>The JSON data, as the recipients see it.</summary>
    public required string Data { get; init; }
    /// <summary>The entities that receive it.</summary>
    public required IReadOnlyList<long> Recipients { get; init; }
    /// <summary>When it happened.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
