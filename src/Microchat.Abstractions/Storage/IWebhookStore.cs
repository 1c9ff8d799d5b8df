namespace Microchat.Storage;

/// <summary>Persists bots' webhooks and their delivery position, so a restart resumes where delivery stopped.</summary>
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
}
