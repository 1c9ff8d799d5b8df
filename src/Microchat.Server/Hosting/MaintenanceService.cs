using Microchat.Server.Http;
using Microchat.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microchat.Server.Hosting;

/// <summary>Drops what the contract no longer promises to keep: events past retention, idempotent responses past 24 h.</summary>
internal sealed class MaintenanceService(
    IEventStore events,
    IIdempotencyStore idempotency,
    IOptionsMonitor<MicrochatOptions> options,
    MicrochatClock clock,
    ILogger<MaintenanceService> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                var now = clock.Now();
                await events.PruneAsync(now - options.CurrentValue.EventRetention, stoppingToken);
                await idempotency.PruneAsync(now - Domain.IdempotencyProtector.Lifetime, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Microchat maintenance failed; it will run again in {Period}", Period);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
