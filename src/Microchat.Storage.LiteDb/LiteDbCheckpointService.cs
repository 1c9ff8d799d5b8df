using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microchat.Storage.LiteDb;

/// <summary>Checkpoints the log into the data file every few minutes, and once more at shutdown.</summary>
internal sealed class LiteDbCheckpointService(LiteDbStorage storage, ILogger<LiteDbCheckpointService> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) RequestCheckpoint();
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the storage checkpoints as it is disposed.
        }
    }

    // A background service that throws stops the host (BackgroundServiceExceptionBehavior.StopHost):
    // a checkpoint that cannot run now is no reason for that; the log keeps every commit meanwhile.
    private void RequestCheckpoint()
    {
        try
        {
            storage.Checkpoint();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The LiteDB checkpoint could not be requested; it is tried again at the next period.");
        }
    }
}
