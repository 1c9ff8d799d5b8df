namespace Microchat.Storage;

/// <summary>A page of a chat's history, newest first.</summary>
/// <param name="Before">Only messages with a smaller id; null for the newest.</param>
/// <param name="Offset">How many matching messages to skip.</param>
/// <param name="Count">How many to return at most.</param>
/// <param name="Spans">When set, only ids inside one of these spans (a private conference's reader).</param>
public sealed record MessageQuery(long? Before, int Offset, int Count, IReadOnlyList<MessageSpan>? Spans = null);
