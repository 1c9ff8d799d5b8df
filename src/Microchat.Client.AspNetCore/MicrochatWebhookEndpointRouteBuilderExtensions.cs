using Microchat.Client;
using Microchat.Client.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The conventional namespace, so MapMicrochatWebhook() shows up beside the app's other Map* calls.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the endpoint a Microchat server POSTs a bot's events to.</summary>
public static class MicrochatWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c>: checks <c>Microchat-Signature</c> against
    /// <see cref="MicrochatBotOptions.WebhookSecret"/> and calls the handler registered by
    /// <c>AddMicrochatBot&lt;T&gt;()</c>, answering 200 once it is done. Returns the endpoint for the app's conventions.
    /// </summary>
    public static IEndpointConventionBuilder MapMicrochatWebhook(this IEndpointRouteBuilder endpoints, string pattern = "/microchat/webhook")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        if (services.GetService<IMicrochatBotHandler>() is null)
            throw new InvalidOperationException("MapMicrochatWebhook() needs a bot: call builder.Services.AddMicrochatBot<THandler>() first.");
        var receiver = new Lazy<WebhookReceiver>(() => new WebhookReceiver(
            services.GetRequiredService<IMicrochatClient>(),
            services.GetRequiredService<IMicrochatBotHandler>(),
            services.GetRequiredService<IOptions<MicrochatBotOptions>>().Value,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Microchat.Client.Webhook")));
        return endpoints.MapPost(pattern, (Func<HttpContext, Task<IResult>>)(http => receiver.Value.ReceiveAsync(http))).DisableAntiforgery();
    }
}
