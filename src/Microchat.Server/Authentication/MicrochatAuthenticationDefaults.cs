namespace Microchat.Server.Authentication;

/// <summary>Names of Microchat's authentication scheme and authorization policy.</summary>
public static class MicrochatAuthenticationDefaults
{
    /// <summary>The bearer-token scheme; it sits beside the host's schemes and never becomes the default.</summary>
    public const string Scheme = "Microchat";

    /// <summary>The policy every authenticated Microchat endpoint requires.</summary>
    public const string Policy = "Microchat";
}
