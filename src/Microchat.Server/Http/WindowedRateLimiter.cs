using System.Globalization;
using System.Threading.RateLimiting;
using Microchat.Server.Authentication;
using Microchat.Server.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Microchat.Server.Http;

/// <summary>
/// One budget: the framework's fixed-window limiter, partitioned by caller and by window number.
/// Windows are aligned to the clock, so the time until a permit frees up is known exactly (the
/// framework's own RetryAfter is a whole window), which is what Retry-After and RateLimit-Reset say.
/// </summary>
internal sealed class WindowedRateLimiter : IDisposable
{
    private readonly MicrochatRateLimitKind _kind;
    private readonly int _permits;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time = TimeProvider.System;

    public WindowedRateLimiter(MicrochatRateLimitKind kind, int permits, TimeSpan window)
    {
        _kind = kind;
        _permits = permits;
        _window = window;
        Limiter = PartitionedRateLimiter.Create<HttpContext, (string Caller, long Window)>(context =>
            RateLimitPartition.GetFixedWindowLimiter(
                (CallerKey(context), WindowNumber()),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = _permits, Window = _window, QueueLimit = 0 }));
    }

    /// <summary>The limiter the rate-limiting middleware acquires from.</summary>
    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    /// <summary>Answers a refused request: a 429 problem with Retry-After and the RateLimit headers.</summary>
    public ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var reset = SecondsToReset();
        WriteHeaders(context.Response, 0, reset);
        context.Response.Headers.RetryAfter = reset.ToString(CultureInfo.InvariantCulture);
        var detail = _kind == MicrochatRateLimitKind.Send
            ? $"Too many messages: at most {_permits} per {_window.TotalSeconds:0.###} s. Try again in {reset} s."
            : $"Too many registrations or logins from this address. Try again in {reset} s.";
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return new ValueTask(TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status429TooManyRequests,
            title: ProblemTitles.For(StatusCodes.Status429TooManyRequests),
            type: ProblemTypes.For(StatusCodes.Status429TooManyRequests)).ExecuteAsync(context));
    }

    /// <summary>Adds the RateLimit headers to an accepted request's response.</summary>
    public void OnAccepted(HttpContext context)
    {
        var remaining = Limiter.GetStatistics(context)?.CurrentAvailablePermits ?? 0;
        WriteHeaders(context.Response, remaining, SecondsToReset());
    }

    private void WriteHeaders(HttpResponse response, long remaining, long reset)
    {
        response.Headers["RateLimit-Limit"] = _permits.ToString(CultureInfo.InvariantCulture);
        response.Headers["RateLimit-Remaining"] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
        response.Headers["RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
    }

    private long WindowNumber() => _time.GetUtcNow().UtcTicks / _window.Ticks;

    // Whole seconds until the current window ends, rounded up, at least 1.
    private long SecondsToReset()
    {
        var now = _time.GetUtcNow().UtcTicks;
        var end = (now / _window.Ticks + 1) * _window.Ticks;
        return Math.Max(1, (long)Math.Ceiling(TimeSpan.FromTicks(end - now).TotalSeconds));
    }

    private string CallerKey(HttpContext context) => _kind == MicrochatRateLimitKind.Send
        && context.User.FindFirst(MicrochatClaims.EntityId)?.Value is { } id
            ? "entity:" + id
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "local");

    public void Dispose() => Limiter.Dispose();
}
