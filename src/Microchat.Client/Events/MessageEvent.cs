using Microchat.Contracts;

namespace Microchat.Client;

/// <summary><c>message_created</c> or <c>message_edited</c>: the message as it now is.</summary>
public sealed record MessageEvent(string Id, string Name, MessageEventData Data) : MicrochatEvent(Id, Name)
{
    /// <summary>The chat, as the receiver addresses it (the other party of a dialog).</summary>
    public EntitySummary Chat => Data.Chat;

    /// <summary>The message.</summary>
    public Message Message => Data.Message;

    /// <summary>True for <c>message_edited</c>.</summary>
    public bool IsEdit => Kind == MicrochatEventKind.MessageEdited;
}
