using System.Net;
using System.Net.Sockets;
using Microchat.Server.Errors;

namespace Microchat.Server.Webhooks;

/// <summary>Checks a webhook's URL and secret when a bot sets them: a bad one is a 400 naming the field.</summary>
internal static class WebhookUrlRules
{
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 256;
    public const int MaxUrlLength = 2048;

    public static async Task<Uri> CheckAsync(string? url, string? secret, bool allowInsecure, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Require(secret is { Length: >= MinSecretLength and <= MaxSecretLength }, "secret",
            $"secret must be {MinSecretLength}..{MaxSecretLength} characters.");
        Uri? parsed = null;
        if (url is null || url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out parsed)
            || (parsed.Scheme != Uri.UriSchemeHttps && !(allowInsecure && parsed.Scheme == Uri.UriSchemeHttp))
            || !string.IsNullOrEmpty(parsed.UserInfo))
        {
            errors.Add("url", allowInsecure ? "url must be an absolute http(s) URL without credentials." : "url must be an absolute https URL without credentials.");
        }
        errors.ThrowIfAny();
        if (!allowInsecure) await RequirePublicAsync(parsed!, ct);
        return parsed!;
    }

    private static async Task RequirePublicAsync(Uri url, CancellationToken ct)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.IdnHost, ct);
        }
        catch (SocketException)
        {
            throw DomainException.Invalid("url", $"The host '{url.Host}' could not be resolved.");
        }
        if (addresses.Length == 0 || !addresses.All(WebhookAddresses.IsPublic))
            throw DomainException.Invalid("url", "url must not point at a loopback, private or link-local address.");
    }
}
