using Microchat.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;

// The conventional namespace, so AddMicrochatBot() shows up beside AddMicrochatClient().
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a bot as a hosted service.</summary>
public static class MicrochatBotServiceCollectionExtensions
{
    /// <summary>
    /// Runs <typeparamref name="THandler"/> as a hosted bot on the <see cref="IMicrochatClient"/> that
    /// <c>AddMicrochatClient()</c> registered (give it the bot's token). Handler failures are logged and
    /// skipped; the bot stops with the host.
    /// </summary>
    public static IServiceCollection AddMicrochatBot<THandler>(this IServiceCollection services, Action<MicrochatBotOptions>? configure = null)
        where THandler : class, IMicrochatBotHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<MicrochatBotOptions>();
        if (configure is not null) options.Configure(configure);
        services.TryAddSingleton<THandler>();
        services.TryAddSingleton<IMicrochatBotHandler>(provider => provider.GetRequiredService<THandler>());
        services.AddHostedService<MicrochatBotService<THandler>>();
        return services;
    }
}
