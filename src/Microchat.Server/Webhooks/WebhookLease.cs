using Microchat.Storage;

namespace Microchat.Server.Webhooks;

/// <summary>
/// One host's claim to deliver one bot's events, kept in the store so that hosts sharing it never both
/// deliver them: taken for <see cref="Duration"/>, renewed once less than <see cref="RenewBelow"/> is left,
/// given up when the loop stops. A host that dies without giving it up is replaced once it lapses.
/// </summary>
internal sealed class WebhookLease(long botId, string holder, IWebhookStore webhooks, TimeProvider time)
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    // A send starts only with twice its timeout left, so it ends well before another host could take over and send again.
    public static readonly TimeSpan RenewBelow = WebhookSender.Timeout * 2;

    /// <summary>How often a host without the lease looks again (besides when the log grows).</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private DateTimeOffset _until = DateTimeOffset.MinValue;

    /// <summary>Whether this host may deliver now; takes the lease when free and renews it when due.</summary>
    public async ValueTask<bool> HoldAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_until - now >= RenewBelow) return true;
        var until = now + Duration;
        _until = await webhooks.TryLeaseAsync(botId, holder, until, now, ct) ? until : DateTimeOffset.MinValue;
        return _until != DateTimeOffset.MinValue;
    }

    /// <summary>Waits <paramref name="delay"/> while keeping the lease; false when it was lost meanwhile.</summary>
    public async ValueTask<bool> PauseAsync(TimeSpan delay, CancellationToken ct)
    {
        var end = time.GetUtcNow() + delay;
        for (var left = delay; left > TimeSpan.Zero; left = end - time.GetUtcNow())
        {
            await Task.Delay(left < Duration - RenewBelow ? left : Duration - RenewBelow, time, ct);
            if (!await HoldAsync(ct)) return false;
        }
        return true;
    }

    /// <summary>Gives the lease up, so another host takes over at once rather than when it lapses; best effort.</summary>
    public async Task ReleaseAsync()
    {
        var now = time.GetUtcNow();
        if (_until <= now) return;
        _until = DateTimeOffset.MinValue;
        try
        {
            await webhooks.TryLeaseAsync(botId, holder, now, now, CancellationToken.None);
        }
        catch (Exception)
        {
            // The store is unreachable: the lease lapses on its own within Duration.
        }
    }
}
