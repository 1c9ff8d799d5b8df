using Microchat.Server.Hosting;
using Microsoft.AspNetCore.Http;

namespace Microchat.Server.Authentication;

/// <summary>
/// The second line of <see cref="QueryTokenHttpContextFactory"/>: the first middleware of the
/// host's pipeline (a startup filter) scrubs <c>?access_token=</c> again, for a host that replaced
/// the context factory after <c>AddMicrochat()</c>. A no-op when the factory already did it.
/// </summary>
internal sealed class QueryTokenMiddleware(RequestDelegate next, MicrochatPrefixes prefixes)
{
    public Task InvokeAsync(HttpContext context)
    {
        QueryTokenScrubber.Scrub(context.Features, prefixes);
        return next(context);
    }
}

/// <summary>The <c>access_token</c> a request carried in its URL, removed from the URL itself.</summary>
internal sealed record QueryTokenFeature(string Token);
