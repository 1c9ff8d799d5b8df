using Microchat.Contracts;

namespace Microchat.Client;

/// <summary><c>permissions_changed</c>: a member's permissions, or the conference's defaults when <see cref="Member"/> is null.</summary>
public sealed record PermissionsEvent(string Id, string Name, PermissionsEventData Data) : MicrochatEvent(Id, Name)
{
    /// <summary>The conference.</summary>
    public EntitySummary Chat => Data.Chat;

    /// <summary>The member whose permissions changed; null when the defaults changed.</summary>
    public Member? Member => Data.Member;

    /// <summary>The permissions now.</summary>
    public Permissions Permissions => Data.Permissions;
}
