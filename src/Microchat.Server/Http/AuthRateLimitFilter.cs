using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Microchat.Server.Http;

/// <summary>
/// Limits registrations and password logins per client address with the framework's
/// fixed-window limiter. It is a filter rather than the rate-limiting middleware so that
/// embedding stays two lines: the host need not call UseRateLimiter().
/// </summary>
internal sealed class AuthRateLimitFilter(AuthRateLimiter limiter) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        using var lease = limiter.Limiter.AttemptAcquire(context.HttpContext);
        if (lease.IsAcquired) return await next(context);

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        context.HttpContext.Response.Headers.RetryAfter =
            Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            detail: "Too many registrations or logins from this address; try again later.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: Errors.ProblemTitles.For(StatusCodes.Status429TooManyRequests));
    }
}

/// <summary>The one limiter shared by every request (filters themselves are made per request).</summary>
internal sealed class AuthRateLimiter : IDisposable
{
    public AuthRateLimiter(IOptions<MicrochatOptions> options)
    {
        var settings = options.Value;
        Limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.AuthRateLimitPermits,
                    Window = settings.AuthRateLimitWindow,
                    QueueLimit = 0,
                }));
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    public void Dispose() => Limiter.Dispose();
}
