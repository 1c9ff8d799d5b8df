using Microchat.Contracts;

namespace Microchat.Client;

/// <summary><c>member_added</c> or <c>member_removed</c>: see <see cref="MicrochatEvent.Kind"/>.</summary>
public sealed record MemberEvent(string Id, string Name, MemberEventData Data) : MicrochatEvent(Id, Name)
{
    /// <summary>The conference.</summary>
    public EntitySummary Chat => Data.Chat;

    /// <summary>The member who joined or left.</summary>
    public Member Member => Data.Member;
}
