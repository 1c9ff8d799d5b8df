namespace Microchat.Storage;

/// <summary>A bot's webhook: where its events go, the signing secret, and how far delivery got.</summary>
public sealed record WebhookRecord
{
    /// <summary>The bot whose events are pushed.</summary>
    public required long BotId { get; init; }
    /// <summary>The https address deliveries are POSTed to.</summary>
    public required string Url { get; init; }
    /// <summary>The secret deliveries are signed with (HMAC-SHA256).</summary>
    public required string Secret { get; init; }
    /// <summary>The last event id the receiver acknowledged (or the log's position when the webhook was set).</summary>
    public required long LastDeliveredId { get; init; }
    /// <summary>Why the last delivery attempt failed; null after a success.</summary>
    public string? LastError { get; init; }
    /// <summary>When the last delivery attempt failed.</summary>
    public DateTimeOffset? LastErrorAt { get; init; }
}
