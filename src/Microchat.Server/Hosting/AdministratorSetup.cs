using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Microchat.Server.Hosting;

/// <summary>
/// The key that lets <c>POST /users</c> create an account for a reserved administrator alias:
/// <see cref="MicrochatOptions.SetupKey"/> when configured, else a random one made once per
/// process (which <see cref="AdministratorSetupAnnouncer"/> logs when an administrator has no account).
/// </summary>
internal sealed class AdministratorSetup(IOptionsMonitor<MicrochatOptions> options)
{
    public const string Header = "Microchat-Setup-Key";

    private readonly string _generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))
        .Replace('+', '-').Replace('/', '_');

    /// <summary>The key in force now.</summary>
    public string Key => string.IsNullOrEmpty(options.CurrentValue.SetupKey) ? _generated : options.CurrentValue.SetupKey;

    /// <summary>Whether the key in force was made at start-up rather than configured.</summary>
    public bool IsGenerated => string.IsNullOrEmpty(options.CurrentValue.SetupKey);

    /// <summary>Whether <paramref name="alias"/> is one of the administrators' (case-insensitively).</summary>
    public bool IsReserved(string? alias) =>
        alias is not null && options.CurrentValue.Administrators.Any(a => string.Equals(a, alias, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a presented key matches, compared in constant time.</summary>
    public bool Accepts(string? presented) =>
        !string.IsNullOrEmpty(presented)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(Key));
}
