namespace Microchat.Storage;

/// <summary>
/// Persists bots' webhooks, their delivery position (so a restart resumes where delivery stopped) and
/// who delivers them (so hosts sharing the store never both deliver one bot's events).
/// </summary>
public interface IWebhookStore
{
    /// <summary>A bot's webhook, or null when it has none.</summary>
    ValueTask<WebhookRecord?> FindAsync(long botId, CancellationToken cancellationToken);

    /// <summary>Every webhook, to start delivering at start-up.</summary>
    ValueTask<IReadOnlyList<WebhookRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Sets a bot's webhook, replacing any it had.</summary>
    ValueTask SaveAsync(WebhookRecord webhook, CancellationToken cancellationToken);

    /// <summary>Removes a bot's webhook; false when it had none.</summary>
    ValueTask<bool> DeleteAsync(long botId, CancellationToken cancellationToken);

    /// <summary>Records an acknowledged event (the position only moves forward) and clears the last error; false when the webhook is gone.</summary>
    ValueTask<bool> RecordDeliveryAsync(long botId, long eventId, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt; false when the webhook is gone.</summary>
    ValueTask<bool> RecordFailureAsync(long botId, string error, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Grants or renews the bot's delivery lease to <paramref name="holder"/> until <paramref name="until"/>, atomically,
    /// when the holder has it already or nobody does (a lease is held while <paramref name="now"/> is before its end);
    /// false when another holds it or the webhook is gone. Saving a webhook keeps its lease; <paramref name="until"/> at
    /// <paramref name="now"/> gives it up. A store only one host ever uses may keep this default, which grants every lease.
    /// </summary>
    ValueTask<bool> TryLeaseAsync(long botId, string holder, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken) =>
        ValueTask.FromResult(true);
}
