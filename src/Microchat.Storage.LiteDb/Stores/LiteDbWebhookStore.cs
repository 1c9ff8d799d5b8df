using LiteDB;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>
/// Bots' webhooks in the <c>webhooks</c> collection, keyed by the bot's id, with their delivery lease
/// (granted inside the single writer, so two claimants are decided one after the other).
/// </summary>
internal sealed class LiteDbWebhookStore(LiteDbStorage storage) : IWebhookStore
{
    private const string Collection = "webhooks";

    public ValueTask<WebhookRecord?> FindAsync(long botId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(storage.Read(db => Webhooks(db).FindById(botId)) is { } found ? ToRecord(found) : null);

    public ValueTask<IReadOnlyList<WebhookRecord>> ListAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<WebhookRecord>>(storage.Read(db => Webhooks(db).FindAll().Select(ToRecord).ToList()));

    public ValueTask SaveAsync(WebhookRecord webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        storage.Write(db =>
        {
            var webhooks = Webhooks(db);
            // The lease is not the record's: replacing the webhook leaves whoever delivers it delivering.
            var lease = webhooks.FindById(webhook.BotId);
            return webhooks.Upsert(new WebhookDocument
            {
                Id = webhook.BotId, Url = webhook.Url, Secret = webhook.Secret, LastDeliveredId = webhook.LastDeliveredId,
                LastError = webhook.LastError, LastErrorAt = webhook.LastErrorAt?.UtcDateTime,
                LeaseHolder = lease?.LeaseHolder, LeaseUntil = lease?.LeaseUntil,
            });
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> DeleteAsync(long botId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(storage.Write(db => Webhooks(db).Delete(botId)));

    public ValueTask<bool> RecordDeliveryAsync(long botId, long eventId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(storage.Write(db =>
        {
            var webhooks = Webhooks(db);
            var found = webhooks.FindById(botId);
            if (found is null) return false;
            found.LastDeliveredId = Math.Max(found.LastDeliveredId, eventId);
            found.LastError = null;
            found.LastErrorAt = null;
            return webhooks.Update(found);
        }));

    public ValueTask<bool> RecordFailureAsync(long botId, string error, DateTimeOffset at, CancellationToken cancellationToken) =>
        ValueTask.FromResult(storage.Write(db =>
        {
            var webhooks = Webhooks(db);
            var found = webhooks.FindById(botId);
            if (found is null) return false;
            found.LastError = error;
            found.LastErrorAt = at.UtcDateTime;
            return webhooks.Update(found);
        }));

    public ValueTask<bool> TryLeaseAsync(long botId, string holder, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken) =>
        ValueTask.FromResult(storage.Write(db =>
        {
            var webhooks = Webhooks(db);
            var found = webhooks.FindById(botId);
            if (found is null) return false;
            var free = found.LeaseHolder is null || found.LeaseUntil is not { } end || end <= now;
            if (found.LeaseHolder != holder && !free) return false;
            found.LeaseHolder = holder;
            found.LeaseUntil = until;
            return webhooks.Update(found);
        }));

    private static WebhookRecord ToRecord(WebhookDocument d) => new()
    {
        BotId = d.Id, Url = d.Url, Secret = d.Secret, LastDeliveredId = d.LastDeliveredId, LastError = d.LastError,
        LastErrorAt = d.LastErrorAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
    };

    private static ILiteCollection<WebhookDocument> Webhooks(LiteDatabase db) => db.GetCollection<WebhookDocument>(Collection);

    /// <summary>The stored shape; kept beside its only store.</summary>
    internal sealed class WebhookDocument
    {
        public long Id { get; set; }
        public string Url { get; set; } = "";
        public string Secret { get; set; } = "";
        public long LastDeliveredId { get; set; }
        public string? LastError { get; set; }
        public DateTime? LastErrorAt { get; set; }
        public string? LeaseHolder { get; set; }
        public DateTimeOffset? LeaseUntil { get; set; }
    }
}
