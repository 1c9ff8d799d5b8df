using Microsoft.AspNetCore.DataProtection;

namespace Microchat.Server.Domain;

/// <summary>
/// Remembered bodies can hold secrets (a login's or a new bot's token), which the store must never
/// keep in the clear: they are encrypted with the host's data-protection keys.
/// </summary>
internal sealed class IdempotencyProtector(IDataProtectionProvider protection)
{
    /// <summary>How long a key is remembered.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly IDataProtector _protector = protection.CreateProtector("Microchat.Idempotency.v1");

    public byte[] Protect(byte[] body) => _protector.Protect(body);

    /// <summary>The plain body, or null when the keys that protected it are gone.</summary>
    public byte[]? TryUnprotect(byte[] body)
    {
        try
        {
            return _protector.Unprotect(body);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
