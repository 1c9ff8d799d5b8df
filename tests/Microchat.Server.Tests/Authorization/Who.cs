namespace Microchat.Server.Tests.Authorization;

/// <summary>The callers of the authorization matrix, as they stand towards the target conference.</summary>
public enum Who
{
    /// <summary>No token at all.</summary>
    Anonymous,

    /// <summary>A user who is in nothing.</summary>
    Stranger,

    /// <summary>A plain member of the target conference (the defaults: read, send, send_media).</summary>
    Member,

    /// <summary>A member holding <c>admin</c> (and the defaults), granted by the owner.</summary>
    Admin,

    /// <summary>The target conference's owner (and the shared bot's owner).</summary>
    Owner,

    /// <summary>A user named in <c>Microchat:Administrators</c> who is not a member.</summary>
    SiteAdministrator,

    /// <summary>A bot owned by the owner and a plain member of the target conference.</summary>
    Bot,
}
