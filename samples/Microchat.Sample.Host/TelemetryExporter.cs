using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

/// <summary>
/// Sends Microchat's metrics and traces to an exporter chosen in configuration:
/// <c>Telemetry:Exporter</c> = <c>console</c> or <c>otlp</c> (endpoint from the standard
/// OTEL_EXPORTER_OTLP_ENDPOINT); anything else, or nothing (the default), exports nothing.
/// </summary>
internal static class TelemetryExporter
{
    public static void AddTelemetryExporter(this WebApplicationBuilder builder)
    {
        var exporter = builder.Configuration["Telemetry:Exporter"]?.Trim().ToLowerInvariant();
        if (exporter is not ("console" or "otlp")) return;

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddMeter("Microchat", "Microchat.Storage.LiteDb").AddMeter("Microsoft.AspNetCore.Hosting");
                if (exporter == "console") metrics.AddConsoleExporter();
                else metrics.AddOtlpExporter();
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource("Microchat");
                if (exporter == "console") tracing.AddConsoleExporter();
                else tracing.AddOtlpExporter();
            });
    }
}
