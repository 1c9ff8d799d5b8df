using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>Body of <c>PUT /api/me/webhook</c>: where to push the bot's events and the secret that signs them.</summary>
public sealed record SetWebhookRequest(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("secret")] string Secret);

/// <summary>A bot's webhook as <c>GET /api/me/webhook</c> shows it: where it points and how delivery is going.</summary>
public sealed record WebhookState(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("pending")] int Pending,
    [property: JsonPropertyName("last_delivered_id")] long? LastDeliveredId,
    [property: JsonPropertyName("last_error")] string? LastError,
    [property: JsonPropertyName("last_error_at")] DateTimeOffset? LastErrorAt);

/// <summary>The body of one webhook delivery: an event as the bot's stream would carry it.</summary>
public sealed record WebhookDelivery(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("data")] JsonElement Data);

/// <summary>The headers of a webhook delivery.</summary>
public static class WebhookHeaders
{
    /// <summary>The event's id, as in the body.</summary>
    public const string EventId = "Microchat-Event-Id";

    /// <summary><c>sha256=&lt;hex HMAC-SHA256 of the body with the secret&gt;</c>.</summary>
    public const string Signature = "Microchat-Signature";
}
