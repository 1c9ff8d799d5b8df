namespace Microchat.Server.Http;

/// <summary>Endpoint metadata: which of Microchat's budgets an endpoint spends.</summary>
internal sealed record MicrochatRateLimit(MicrochatRateLimitKind Kind)
{
    /// <summary>Registrations and password logins, per client address.</summary>
    public static readonly MicrochatRateLimit Auth = new(MicrochatRateLimitKind.Auth);

    /// <summary>Message sends, per caller.</summary>
    public static readonly MicrochatRateLimit Send = new(MicrochatRateLimitKind.Send);
}

/// <summary>The budgets a Microchat endpoint can spend.</summary>
internal enum MicrochatRateLimitKind
{
    Auth,
    Send,
}
