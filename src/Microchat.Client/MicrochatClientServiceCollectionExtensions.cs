using Microchat.Client;

// The conventional namespace, so AddMicrochatClient() shows up wherever services are configured.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="MicrochatClient"/> through IHttpClientFactory.</summary>
public static class MicrochatClientServiceCollectionExtensions
{
    /// <summary>Adds a typed <see cref="MicrochatClient"/>; returns the HTTP client builder for handlers and resilience.</summary>
    public static IHttpClientBuilder AddMicrochatClient(this IServiceCollection services, Action<MicrochatClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<MicrochatClientOptions>().Configure(configure);
        return services.AddHttpClient(nameof(MicrochatClient), (provider, http) =>
            {
                var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MicrochatClientOptions>>().Value;
                if (options.BaseAddress is null)
                    throw new InvalidOperationException("MicrochatClientOptions.BaseAddress is required, e.g. http://localhost:5080/api/.");
                // Relative paths resolve under the base only when it ends in '/'.
                var text = options.BaseAddress.ToString();
                http.BaseAddress = new Uri(text.EndsWith('/') ? text : text + "/");
            })
            .AddTypedClient((http, provider) =>
            {
                var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MicrochatClientOptions>>().Value;
                return new MicrochatClient(http) { Token = options.Token };
            });
    }
}
