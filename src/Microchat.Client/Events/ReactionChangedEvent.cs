using Microchat.Contracts;

namespace Microchat.Client;

/// <summary><c>reaction_changed</c>: a message's reactions now, with the receiver's own <c>me</c>.</summary>
public sealed record ReactionChangedEvent(string Id, string Name, ReactionEventData Data) : MicrochatEvent(Id, Name)
{
    /// <summary>The chat, as the receiver addresses it.</summary>
    public EntitySummary Chat => Data.Chat;

    /// <summary>The message whose reactions changed.</summary>
    public long MessageId => Data.MessageId;

    /// <summary>Its reactions, most used first.</summary>
    public IReadOnlyList<Reaction> Reactions => Data.Reactions;
}
