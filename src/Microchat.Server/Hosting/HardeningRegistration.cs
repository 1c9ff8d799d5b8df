using Microchat.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microchat.Server.Hosting;

/// <summary>Registers the abuse limits and the reserved administrator aliases.</summary>
internal static class HardeningRegistration
{
    public static void AddMicrochatHardening(this IServiceCollection services)
    {
        // The framework's middleware needs its services; its options stay the host's own (Microchat
        // passes its own options to the middleware it runs per endpoint).
        services.AddRateLimiter(_ => { });
        services.TryAddSingleton<MicrochatRateLimiters>();
        services.TryAddSingleton<AdministratorSetup>();
        services.AddHostedService<AdministratorSetupAnnouncer>();
    }
}
