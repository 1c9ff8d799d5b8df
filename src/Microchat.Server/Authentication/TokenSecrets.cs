using System.Security.Cryptography;
using System.Text;

namespace Microchat.Server.Authentication;

/// <summary>Makes token secrets and the hashes stored in their place.</summary>
internal static class TokenSecrets
{
    // 32 random bytes (256 bits), URL-safe so it fits a query string unescaped.
    public static string NewSecret() => "mc_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewId(int bytes) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
