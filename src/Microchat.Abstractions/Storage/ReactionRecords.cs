namespace Microchat.Storage;

/// <summary>How many reacted to a message with one emoji.</summary>
public sealed record ReactionCount(string Emoji, int Count);

/// <summary>A message's reactions as one viewer sees them: the counts (in order of each emoji's first use) and the viewer's own emoji.</summary>
public sealed record MessageReactions(ChatKey Chat, long MessageId, IReadOnlyList<ReactionCount> Counts, IReadOnlyList<string> Mine);

/// <summary>All of a message's reactions: the counts (in order of each emoji's first use) and each reactor's emoji.</summary>
public sealed record ReactionState(IReadOnlyList<ReactionCount> Counts, IReadOnlyDictionary<long, IReadOnlyList<string>> ByReactor)
{
    /// <summary>No reactions at all.</summary>
    public static ReactionState Empty { get; } = new([], new Dictionary<long, IReadOnlyList<string>>());
}

/// <summary>What adding or removing a reaction did.</summary>
public enum ReactionOutcome
{
    /// <summary>The reaction was added or removed.</summary>
    Changed,
    /// <summary>Nothing to do: the reaction was there already.</summary>
    Unchanged,
    /// <summary>The message does not exist.</summary>
    NoMessage,
    /// <summary>The reactor had no such reaction to remove.</summary>
    NoReaction,
    /// <summary>The message holds the most distinct emoji allowed, and this one is new.</summary>
    TooManyEmoji,
}

/// <summary>The outcome of a reaction change and, when the message exists, its reactions afterwards.</summary>
public sealed record ReactionChange(ReactionOutcome Outcome, ReactionState State);
