using System.Net;
using System.Net.Sockets;

namespace Microchat.Server.Webhooks;

/// <summary>
/// The SSRF rule: a webhook may reach only public addresses. Checked when the URL is set and
/// again at every connection (a name can be re-pointed at 127.0.0.1 after it passed the first check).
/// </summary>
internal static class WebhookAddresses
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.Equals(IPAddress.None) || address.Equals(IPAddress.IPv6None)) return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            // fc00::/7 unique-local; fe80::/10 link-local; ff00::/8 multicast; site-local is obsolete but still private.
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xFE) == 0xFC);
        }
        var b = address.GetAddressBytes();
        return !(b[0] == 10 || b[0] == 0 || b[0] == 127
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)               // link-local, cloud metadata
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
            || b[0] >= 224);                              // multicast and reserved
    }
}
