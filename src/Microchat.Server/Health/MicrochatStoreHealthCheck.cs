using Microchat.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microchat.Server.Health;

/// <summary>
/// Healthy when the store answers (the event log's bounds can be read) and the event log takes
/// a write. The write is a record addressed to nobody, so no stream ever sees it and retention
/// prunes it; it is made at most once a minute, so a busy probe does not grow the log.
/// </summary>
internal sealed class MicrochatStoreHealthCheck(IEventStore events, TimeProvider time) : IHealthCheck
{
    public const string Name = "microchat-store";
    public const string ProbeEventName = "health_probe";
    private static readonly TimeSpan WriteProbeInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private DateTimeOffset _lastWrite = DateTimeOffset.MinValue;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        (long OldestId, long LastId) bounds;
        try
        {
            bounds = await events.GetBoundsAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The store is not reachable.", e);
        }

        try
        {
            await ProbeWriteAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The event log does not take writes.", e);
        }

        return HealthCheckResult.Healthy("The store answers and the event log takes writes.",
            new Dictionary<string, object> { ["last_event_id"] = bounds.LastId });
    }

    private async Task ProbeWriteAsync(CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            if (now - _lastWrite < WriteProbeInterval) return;
            await events.AppendAsync([new EventRecord { Name = ProbeEventName, Data = "{}", Recipients = [], CreatedAt = now }], ct);
            _lastWrite = now;
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
