using Microchat.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The conventional namespace, so AddMicrochatClient() shows up wherever services are configured.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="MicrochatClient"/> (and <see cref="IMicrochatClient"/>) through IHttpClientFactory.</summary>
public static class MicrochatClientServiceCollectionExtensions
{
    /// <summary>Adds a typed <see cref="MicrochatClient"/> with logging; returns the HTTP client builder for handlers and resilience.</summary>
    public static IHttpClientBuilder AddMicrochatClient(this IServiceCollection services, Action<MicrochatClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MicrochatClientOptions>().Configure(configure);
        services.TryAddTransient<IMicrochatClient>(provider => provider.GetRequiredService<MicrochatClient>());
        return services.AddHttpClient(nameof(MicrochatClient), (provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<MicrochatClientOptions>>().Value;
                http.BaseAddress = MicrochatTransport.Normalize(options.BaseAddress)
                    ?? throw new InvalidOperationException("MicrochatClientOptions.BaseAddress is required, e.g. http://localhost:5080/api.");
                // A stream or an upload may take longer than the default 100 s; each call is bounded by its own token.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddTypedClient((http, provider) => new MicrochatClient(http,
                provider.GetRequiredService<IOptions<MicrochatClientOptions>>().Value,
                provider.GetService<ILogger<MicrochatClient>>()));
    }
}
