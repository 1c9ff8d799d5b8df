using Microchat.Contracts;

namespace Microchat.Client;

/// <summary><c>message_deleted</c>: a message is gone for everyone.</summary>
public sealed record MessageDeletedEvent(string Id, string Name, MessageIdEventData Data) : MicrochatEvent(Id, Name)
{
    /// <summary>The chat, as the receiver addresses it.</summary>
    public EntitySummary Chat => Data.Chat;

    /// <summary>The deleted message's id.</summary>
    public long MessageId => Data.MessageId;
}
