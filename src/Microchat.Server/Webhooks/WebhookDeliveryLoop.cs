using Microchat.Contracts;
using Microchat.Storage;
using Microsoft.Extensions.Logging;

namespace Microchat.Server.Webhooks;

/// <summary>
/// One bot's deliveries: the next event after the acknowledged position, POSTed until the receiver
/// takes it, then the next. The position lives in the store, so a restart resumes from it and an
/// acknowledged event is never sent again. Only while it holds the bot's <see cref="WebhookLease"/>:
/// with several hosts on one store, each runs the loop and one of them delivers.
/// </summary>
internal sealed partial class WebhookDeliveryLoop(
    long botId, IWebhookStore webhooks, IEventStore events, WebhookSender sender, Func<Task> nextPublish,
    WebhookLease lease, TimeProvider time, ILogger logger)
{
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(10);
    // A missed wake-up (another host published, say) costs at most this long.
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    // How far the log has been examined for this bot beyond the acknowledged position: events of
    // others are skipped once, not read again at every wake-up. Kept in memory only; a restart
    // examines again from the acknowledged position.
    private long _examined;

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await DeliverAsync(ct);
        }
        finally
        {
            await lease.ReleaseAsync();
        }
    }

    private async Task DeliverAsync(CancellationToken ct)
    {
        var delay = FirstRetryDelay;
        while (!ct.IsCancellationRequested)
        {
            // Taken before the read, so an event appended after it still wakes this loop.
            var wake = nextPublish();
            if (!await lease.HoldAsync(ct))
            {
                // Another host delivers; this one takes over if that one stops or dies.
                if (await webhooks.FindAsync(botId, ct) is null) return;
                await WaitAsync(wake, WebhookLease.RetryInterval, ct);
                continue;
            }
            // Read under the lease, so the position includes every delivery an earlier holder recorded.
            var webhook = await webhooks.FindAsync(botId, ct);
            if (webhook is null) return;

            var next = await NextAsync(webhook, ct);
            if (next is null)
            {
                await WaitAsync(wake, PollInterval, ct);
                continue;
            }

            var error = await sender.SendAsync(webhook, next.Id, next.Name, next.Data, ct);
            if (error is null)
            {
                // Not cancelled half-way: an event the receiver took and the store forgot would be sent again.
                if (next.Name == EventNames.Reset)
                    await webhooks.SaveAsync(webhook with { LastDeliveredId = next.Id, LastError = null, LastErrorAt = null }, CancellationToken.None);
                else await webhooks.RecordDeliveryAsync(botId, next.Id, CancellationToken.None);
                delay = FirstRetryDelay;
                continue;
            }

            LogFailed(logger, botId, next.Id, delay, error);
            await webhooks.RecordFailureAsync(botId, error, time.GetUtcNow(), ct);
            // The lease is kept through the back-off, so the retry schedule is this host's alone.
            if (!await lease.PauseAsync(delay, ct)) delay = FirstRetryDelay;
            else delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    /// <summary>The next event to deliver, a reset when retention dropped events past the position, or null when caught up.</summary>
    private async Task<EventRecord?> NextAsync(WebhookRecord webhook, CancellationToken ct)
    {
        var from = Math.Max(webhook.LastDeliveredId, _examined);
        var page = await events.ReadPageAsync(botId, from, 1, ct);
        // Entries for the servers only (stream control) are never the bot's to receive.
        var batch = page.Events.Where(e => !Events.ControlEvents.IsControl(e.Name)).ToList();
        if (batch.Count == 0) _examined = page.Through;
        var (oldest, last) = await events.GetBoundsAsync(ct);
        var firstRetained = oldest == 0 ? last + 1 : oldest;
        // As for a stream resumed from too old an id (or one this log never issued): say so, then go on from what is kept.
        if (webhook.LastDeliveredId < firstRetained - 1 || webhook.LastDeliveredId > last)
        {
            var resumeAfter = webhook.LastDeliveredId > last ? last : firstRetained - 1;
            return new EventRecord { Id = resumeAfter, Name = EventNames.Reset, Data = "{}", Recipients = [botId], CreatedAt = time.GetUtcNow() };
        }
        return batch.Count > 0 ? batch[0] : null;
    }

    private async Task WaitAsync(Task wake, TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await wake.WaitAsync(timeout, time, ct);
        }
        catch (TimeoutException)
        {
            // Poll anyway.
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Webhook of bot {BotId}: event {EventId} not delivered, retrying in {Delay}: {Error}")]
    private static partial void LogFailed(ILogger logger, long botId, long eventId, TimeSpan delay, string error);
}
