using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>
/// One event of the stream. Match on the subtype (<see cref="MessageEvent"/>, <see cref="ChatEvent"/>, …)
/// or on <see cref="Kind"/>; <see cref="Id"/> is what to persist to resume later.
/// </summary>
/// <param name="Id">The event's <c>id:</c>; pass it to <c>ListenAsync(lastEventId)</c> to resume after it.</param>
/// <param name="Name">The event's <c>event:</c> name (<see cref="EventNames"/>).</param>
public abstract record MicrochatEvent(string Id, string Name)
{
    /// <summary>What the event reports.</summary>
    public MicrochatEventKind Kind => Name switch
    {
        EventNames.MessageCreated => MicrochatEventKind.MessageCreated,
        EventNames.MessageEdited => MicrochatEventKind.MessageEdited,
        EventNames.MessageDeleted => MicrochatEventKind.MessageDeleted,
        EventNames.ChatUpdated => MicrochatEventKind.ChatUpdated,
        EventNames.AvatarChanged => MicrochatEventKind.AvatarChanged,
        EventNames.ChatDeleted => MicrochatEventKind.ChatDeleted,
        EventNames.MemberAdded => MicrochatEventKind.MemberAdded,
        EventNames.MemberRemoved => MicrochatEventKind.MemberRemoved,
        EventNames.PermissionsChanged => MicrochatEventKind.PermissionsChanged,
        EventNames.Read => MicrochatEventKind.Read,
        EventNames.ReactionChanged => MicrochatEventKind.ReactionChanged,
        EventNames.Reset => MicrochatEventKind.Reset,
        _ => MicrochatEventKind.Unknown,
    };
}
