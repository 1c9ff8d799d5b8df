namespace Microchat.Server;

/// <summary>Settings of an embedded Microchat server, bound from the <c>Microchat</c> configuration section by the sample host.</summary>
public sealed class MicrochatOptions
{
    /// <summary>Aliases of the site administrators, who may delete any chat or avatar.</summary>
    public IList<string> Administrators { get; set; } = [];

    /// <summary>Whether anyone may create an account with <c>POST /api/users</c>.</summary>
    public bool AllowRegistration { get; set; } = true;

    /// <summary>The largest upload accepted, in bytes (default 50 MiB).</summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>How long events are kept for resuming a stream (default 24 h).</summary>
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often an idle event stream sends a keep-alive comment (default 15 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Registrations and logins one client address may make per <see cref="AuthRateLimitWindow"/> (default 10).</summary>
    public int AuthRateLimitPermits { get; set; } = 10;

    /// <summary>The window of <see cref="AuthRateLimitPermits"/> (default 1 minute).</summary>
    public TimeSpan AuthRateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Lets webhooks use http and reach loopback, private and link-local addresses: for tests and development only.</summary>
    public bool AllowInsecureWebhooks { get; set; }

    /// <summary>The key a request must carry in <c>Microchat-Setup-Key</c> to register an administrator alias; null makes a random one at start-up.</summary>
    public string? SetupKey { get; set; }

    /// <summary>Messages one caller may send per <see cref="SendRateLimitWindow"/> (default 30).</summary>
    public int SendRateLimitPermits { get; set; } = 30;

    /// <summary>The window of <see cref="SendRateLimitPermits"/> (default 10 seconds).</summary>
    public TimeSpan SendRateLimitWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Event streams one caller may hold open at once; opening one more closes the oldest (default 8).</summary>
    public int MaxStreamsPerCaller { get; set; } = 8;
}
