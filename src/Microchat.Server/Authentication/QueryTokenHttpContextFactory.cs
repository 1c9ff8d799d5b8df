using Microchat.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Microchat.Server.Authentication;

/// <summary>
/// Wraps the host's <see cref="IHttpContextFactory"/> so <c>?access_token=</c> is taken out of a
/// Microchat request before the context exists. The web host writes its "Request starting" line
/// (and starts its activity) right after the factory returns, before any middleware runs: this is
/// the only hook a library has that comes before that line (see docs/reliability.md).
/// </summary>
internal sealed class QueryTokenHttpContextFactory(IHttpContextFactory inner, MicrochatPrefixes prefixes) : IHttpContextFactory
{
    public HttpContext Create(IFeatureCollection featureCollection)
    {
        QueryTokenScrubber.Scrub(featureCollection, prefixes);
        return inner.Create(featureCollection);
    }

    public void Dispose(HttpContext httpContext) => inner.Dispose(httpContext);
}
