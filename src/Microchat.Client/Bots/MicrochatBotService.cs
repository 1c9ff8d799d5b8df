using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microchat.Client;

/// <summary>
/// The hosted bot of <c>AddMicrochatBot&lt;T&gt;()</c>: reads the event stream until the host stops.
/// In webhook mode it registers the webhook at start instead, and <c>MapMicrochatWebhook()</c> feeds the handler.
/// </summary>
internal sealed class MicrochatBotService<THandler>(
    IServiceProvider services, IOptions<MicrochatBotOptions> options, ILogger<MicrochatBotService<THandler>> logger) : BackgroundService
    where THandler : class, IMicrochatBotHandler
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var client = services.GetRequiredService<IMicrochatClient>();
        var settings = options.Value;
        if (settings.WebhookUrl is { } url)
        {
            var secret = settings.WebhookSecret ?? throw new InvalidOperationException("MicrochatBotOptions.WebhookSecret is required with WebhookUrl.");
            await client.Me.SetWebhookAsync(url, secret, stoppingToken);
            return;
        }
        // A secret alone: webhook mode with the webhook registered by other means; the server refuses the stream meanwhile.
        if (settings.WebhookSecret is not null) return;
        var handler = services.GetRequiredService<THandler>();
        await MicrochatBotExtensions.RunAsync(client, handler, settings, logger, stoppingToken);
    }
}
