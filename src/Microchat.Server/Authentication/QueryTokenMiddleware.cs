using Microchat.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Microchat.Server.Authentication;

/// <summary>
/// Takes <c>?access_token=</c> out of the URL of a request under Microchat's prefix before any of
/// the host's middleware sees it, and keeps it in <see cref="QueryTokenFeature"/> for
/// <see cref="BearerTokenHandler"/>. So HTTP logging, W3C logging, request-logging middleware and
/// the hosting "request finished" values all see the URL without the secret. It runs first in the
/// pipeline (a startup filter), which is as early as a library can get: the host's own
/// "Request starting" line is written before any middleware runs (see docs/decisions.md).
/// </summary>
internal sealed class QueryTokenMiddleware(RequestDelegate next, MicrochatPrefixes prefixes)
{
    public const string Parameter = "access_token";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.QueryString.HasValue && prefixes.Covers(request.Path) && request.Query.TryGetValue(Parameter, out var token))
        {
            context.Features.Set(new QueryTokenFeature(token.ToString()));
            var rest = QueryHelpers.ParseQuery(request.QueryString.Value)
                .Where(p => !string.Equals(p.Key, Parameter, StringComparison.OrdinalIgnoreCase));
            var query = new QueryBuilder();
            foreach (var (key, values) in rest)
            {
                foreach (var value in values) query.Add(key, value ?? "");
            }
            request.QueryString = query.ToQueryString();
        }
        return next(context);
    }
}

/// <summary>The <c>access_token</c> a request carried in its URL, removed from the URL itself.</summary>
internal sealed record QueryTokenFeature(string Token);
