using Microchat.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microchat.Server.Webhooks;

/// <summary>
/// Runs one <see cref="WebhookDeliveryLoop"/> per bot with a webhook: started for every stored
/// webhook when the host starts, when a bot sets one, and when a look at the store finds one set
/// through another host; stopped when it is removed or the host stops. Loops are independent, so a
/// failing receiver only delays its own bot. Every host runs every loop; the lease picks which delivers.
/// </summary>
internal sealed partial class WebhookDispatcher(
    IWebhookStore webhooks, IEventStore events, WebhookSender sender, IEventFeed feed, TimeProvider time,
    ILogger<WebhookDispatcher> logger) : IHostedService
{
    /// <summary>How often the store is read for webhooks set through other hosts, whose delivery this host may have to take over.</summary>
    public static readonly TimeSpan ScanInterval = TimeSpan.FromSeconds(10);

    // This host's name in the leases it holds: unique per process, so a restarted host is a new holder.
    private readonly string _holder = $"{Environment.MachineName}/{Guid.NewGuid():N}";
    private Task _scanning = Task.CompletedTask;
    private TaskCompletionSource _logGrew = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly Lock _gate = new();
    private readonly Dictionary<long, Running> _loops = [];
    private readonly CancellationTokenSource _shutdown = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Woken by every commit that logged events, on whichever host (the store's feed); ephemeral ones (id 0) are not the log's.
        feed.Subscribe(committed =>
        {
            if (committed.Any(e => e.Id != 0))
                Interlocked.Exchange(ref _logGrew, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        });
        foreach (var webhook in await webhooks.ListAsync(cancellationToken)) Start(webhook.BotId);
        _scanning = Task.Run(() => ScanAsync(_shutdown.Token), CancellationToken.None);
    }

    private async Task ScanAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ScanInterval, time, ct);
                foreach (var webhook in await webhooks.ListAsync(ct)) Start(webhook.BotId);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogScanFailed(logger, e);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _shutdown.CancelAsync();
        Task[] running;
        lock (_gate) running = [.. _loops.Values.Select(l => l.Task), _scanning];
        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Starts the bot's loop unless it runs already (a changed URL is read by the running loop).</summary>
    public void Start(long botId)
    {
        lock (_gate)
        {
            if (_shutdown.IsCancellationRequested || _loops.ContainsKey(botId)) return;
            var loop = new Running(CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token));
            _loops[botId] = loop;
            loop.Task = Task.Run(() => RunAsync(botId, loop), CancellationToken.None);
        }
    }

    public void Stop(long botId)
    {
        lock (_gate)
        {
            if (_loops.Remove(botId, out var loop)) loop.Stop.Cancel();
        }
    }

    // The one place that waits for the log to grow.
    private Task NextPublish() => Volatile.Read(ref _logGrew).Task;

    private async Task RunAsync(long botId, Running loop)
    {
        try
        {
            var lease = new WebhookLease(botId, _holder, webhooks, time);
            await new WebhookDeliveryLoop(botId, webhooks, events, sender, NextPublish, lease, time, logger).RunAsync(loop.Stop.Token);
        }
        catch (OperationCanceledException) when (loop.Stop.IsCancellationRequested)
        {
            // Removed, or the host is stopping.
        }
        catch (Exception e)
        {
            LogLoopFailed(logger, botId, e);
        }
        finally
        {
            lock (_gate)
            {
                // Only this loop's own entry: a webhook set again meanwhile has a new one.
                if (_loops.TryGetValue(botId, out var current) && current == loop) _loops.Remove(botId);
                loop.Stop.Dispose();
            }
        }
    }

    private sealed class Running(CancellationTokenSource stop)
    {
        public CancellationTokenSource Stop { get; } = stop;

        public Task Task { get; set; } = Task.CompletedTask;
    }

    [LoggerMessage(2, LogLevel.Error, "Webhook delivery of bot {BotId} stopped on an unexpected error; the next scan of the webhooks restarts it")]
    private static partial void LogLoopFailed(ILogger logger, long botId, Exception error);

    [LoggerMessage(3, LogLevel.Warning, "Could not read the webhooks to find those set through other hosts; trying again at the next scan")]
    private static partial void LogScanFailed(ILogger logger, Exception error);
}
