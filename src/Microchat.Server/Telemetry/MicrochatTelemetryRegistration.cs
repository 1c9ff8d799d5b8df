using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microchat.Server.Telemetry;

/// <summary>Registers <see cref="MicrochatTelemetry"/> (and the meter factory it needs).</summary>
internal static class MicrochatTelemetryRegistration
{
    public static void AddMicrochatTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<MicrochatTelemetry>();
    }
}
