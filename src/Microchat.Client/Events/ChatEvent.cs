using Microchat.Contracts;

namespace Microchat.Client;

/// <summary><c>chat_updated</c>, <c>avatar_changed</c> or <c>chat_deleted</c>: see <see cref="MicrochatEvent.Kind"/>.</summary>
public sealed record ChatEvent(string Id, string Name, ChatEventData Data) : MicrochatEvent(Id, Name)
{
    /// <summary>The chat as it now is (or was, when deleted), as the receiver addresses it.</summary>
    public EntitySummary Chat => Data.Chat;
}
