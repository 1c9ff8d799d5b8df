using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using System.Threading.RateLimiting;

namespace Microchat.Server.Http;

/// <summary>
/// Runs the framework's rate-limiting middleware in front of each endpoint that spends a
/// Microchat budget. It wraps the endpoint's own request delegate, so it runs after routing and
/// authentication (the caller is known) and the host need not call UseRateLimiter(); its options
/// are Microchat's own, so a host's UseRateLimiter() and named policies stay the host's.
/// </summary>
internal static class RateLimitPipeline
{
    public static RequestDelegate Wrap(EndpointBuilder endpoint, RequestDelegate inner)
    {
        if (endpoint.Metadata.OfType<MicrochatRateLimit>().LastOrDefault() is not { } budget) return inner;

        var limiter = endpoint.ApplicationServices.GetRequiredService<MicrochatRateLimiters>().For(budget.Kind);
        var options = new RateLimiterOptions
        {
            GlobalLimiter = limiter.Limiter,
            RejectionStatusCode = StatusCodes.Status429TooManyRequests,
            OnRejected = limiter.OnRejectedAsync,
        };
        // A policy the host named on this endpoint is enforced by the host's own middleware; here
        // it only has to exist, or the framework's middleware refuses to run the endpoint.
        foreach (var named in endpoint.Metadata.OfType<EnableRateLimitingAttribute>())
        {
            if (named.PolicyName is { } name) options.AddPolicy(name, _ => RateLimitPartition.GetNoLimiter(""));
        }

        var app = new ApplicationBuilder(endpoint.ApplicationServices);
        app.UseRateLimiter(options);
        app.Use(next => context =>
        {
            limiter.OnAccepted(context);
            return next(context);
        });
        app.Run(inner);
        return app.Build();
    }
}
