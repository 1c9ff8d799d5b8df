using System.Net;
using Microsoft.Extensions.Logging;

namespace Microchat.Client;

/// <summary>What the client does behind the caller's back: retries, reconnects, bot handler failures.</summary>
internal static partial class ClientLog
{
    [LoggerMessage(1, LogLevel.Warning, "{Method} {Path} failed in transport (attempt {Attempt} of {MaxAttempts}); retrying in {Delay} with the same Idempotency-Key {Key}")]
    public static partial void RetryingTransport(this ILogger logger, HttpMethod method, string path, int attempt, int maxAttempts, TimeSpan delay, string? key, Exception error);

    [LoggerMessage(2, LogLevel.Warning, "{Method} {Path} was rate limited (429); waiting {Delay} as Retry-After asks")]
    public static partial void RetryingRateLimited(this ILogger logger, HttpMethod method, string path, TimeSpan delay);

    [LoggerMessage(3, LogLevel.Warning, "{Method} {Path} answered {Status}; retrying in {Delay}")]
    public static partial void RetryingStatus(this ILogger logger, HttpMethod method, string path, HttpStatusCode status, TimeSpan delay);

    [LoggerMessage(4, LogLevel.Information, "Event stream lost ({Reason}); reconnecting in {Delay} after event {LastEventId}")]
    public static partial void Reconnecting(this ILogger logger, string reason, TimeSpan delay, string? lastEventId);

    [LoggerMessage(5, LogLevel.Error, "The bot handler failed on event {EventId} ({EventName}); going on with the next one")]
    public static partial void HandlerFailed(this ILogger logger, string eventId, string eventName, Exception error);

    [LoggerMessage(6, LogLevel.Error, "The bot's error handler itself failed on event {EventId}")]
    public static partial void ErrorHandlerFailed(this ILogger logger, string eventId, Exception error);

    [LoggerMessage(7, LogLevel.Information, "Bot {Alias} ({Id}) is receiving events")]
    public static partial void BotStarted(this ILogger logger, string alias, long id);

    [LoggerMessage(8, LogLevel.Warning, "Webhook delivery refused: {Reason}")]
    public static partial void WebhookRefused(this ILogger logger, string reason);
}
