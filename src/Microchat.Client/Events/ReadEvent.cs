using Microchat.Contracts;

namespace Microchat.Client;

/// <summary><c>read</c>: the caller marked a chat read (on another device), up to a message.</summary>
public sealed record ReadEvent(string Id, string Name, MessageIdEventData Data) : MicrochatEvent(Id, Name)
{
    /// <summary>The chat, as the caller addresses it.</summary>
    public EntitySummary Chat => Data.Chat;

    /// <summary>Read up to and including this message.</summary>
    public long MessageId => Data.MessageId;
}
