using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;

namespace Microchat.Storage.LiteDb;

/// <summary>
/// The group-commit figures as a meter named "Microchat.Storage.LiteDb" (dotnet-counters, OpenTelemetry):
/// units of work committed and the commits that carried them. Units per commit is how much group
/// commit batches; under the Durable setting each commit is one fsync, so it is also writes per fsync.
/// </summary>
internal sealed class LiteDbMetrics(IMeterFactory meters, LiteDbStorage storage) : IHostedService, IDisposable
{
    public const string MeterName = "Microchat.Storage.LiteDb";

    private Meter? _meter;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _meter = meters.Create(MeterName);
        var writer = storage.Writer;
        _meter.CreateObservableCounter("microchat.litedb.commits", () => writer.Commits, "{commit}",
            "Transactions committed by the writer (one fsync each under the Durable setting).");
        _meter.CreateObservableCounter("microchat.litedb.units", () => writer.UnitsCommitted, "{unit}",
            "Units of work committed; divided by commits, how many each commit carried.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _meter?.Dispose();
}
