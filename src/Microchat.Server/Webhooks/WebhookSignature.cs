using System.Security.Cryptography;
using System.Text;

namespace Microchat.Server.Webhooks;

/// <summary><c>Microchat-Signature: sha256=&lt;hex HMAC-SHA256 of the body with the secret&gt;</c>.</summary>
internal static class WebhookSignature
{
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
