using System.Net;
using System.Net.Sockets;
using Microchat.Server.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microchat.Server;

/// <summary>Registers bot webhooks: the service, the delivery loops and their named HTTP client.</summary>
internal static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddMicrochatWebhooks(this IServiceCollection services)
    {
        services.TryAddSingleton<WebhookSender>();
        services.TryAddSingleton<WebhookDispatcher>();
        services.TryAddSingleton<WebhookService>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookDispatcher>());
        services.AddHttpClient(WebhookSender.ClientName, http => http.Timeout = WebhookSender.Timeout)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptionsMonitor<MicrochatOptions>>();
                return new SocketsHttpHandler
                {
                    // A redirect could lead anywhere, past the address check.
                    AllowAutoRedirect = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    ConnectCallback = (context, ct) => ConnectAsync(context, options.CurrentValue.AllowInsecureWebhooks, ct),
                };
            });
        return services;
    }

    // Checked at connect time too: a name that resolved to a public address when the webhook was
    // set may resolve to 127.0.0.1 now (DNS rebinding).
    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowInsecure, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = allowInsecure ? addresses : addresses.Where(WebhookAddresses.IsPublic).ToArray();
        if (allowed.Length == 0) throw new HttpRequestException($"The webhook host '{host}' resolves to no public address.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
