using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Server.Health;

/// <summary>Registers Microchat's health check; the host maps it with <c>app.MapHealthChecks("/health")</c>.</summary>
internal static class MicrochatHealthChecks
{
    public static void AddMicrochatHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<MicrochatStoreHealthCheck>(MicrochatStoreHealthCheck.Name, tags: ["microchat", "ready"]);
}
