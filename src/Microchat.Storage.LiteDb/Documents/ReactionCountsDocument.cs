namespace Microchat.Storage.LiteDb.Documents;

/// <summary>
/// A message's reaction counts, keyed by its message key, written in the same commit as every
/// reaction change so a page of messages reads its counts with one key lookup each.
/// </summary>
internal sealed class ReactionCountsDocument
{
    public long Id { get; set; }
    /// <summary>The last sequence number given to a reaction of this message (reactors oldest first).</summary>
    public long LastSequence { get; set; }
    /// <summary>Each emoji in use, in order of its first use.</summary>
    public List<ReactionCountEntry> Emojis { get; set; } = [];
}

/// <summary>How many reacted with one emoji.</summary>
internal sealed class ReactionCountEntry
{
    public string Emoji { get; set; } = "";
    public int Count { get; set; }
}
