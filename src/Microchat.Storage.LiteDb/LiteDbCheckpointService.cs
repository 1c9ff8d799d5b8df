using Microsoft.Extensions.Hosting;

namespace Microchat.Storage.LiteDb;

/// <summary>Checkpoints the log into the data file every few minutes, and once more at shutdown.</summary>
internal sealed class LiteDbCheckpointService(LiteDbStorage storage) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) storage.Checkpoint();
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the storage checkpoints as it is disposed.
        }
    }
}
