using Microchat.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microchat.Server.Tests.Authorization;

/// <summary>
/// Names, in a response header, the Microchat endpoint that routing chose for the request, so the matrix can check
/// that a row's request really reaches the endpoint the row is about (and not a neighbour, or no endpoint at all).
/// </summary>
internal sealed class EndpointEcho : IStartupFilter
{
    public const string Header = "X-Matrix-Endpoint";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.GetEndpoint() is RouteEndpoint endpoint && Describe(endpoint) is { } name)
                    context.Response.Headers[Header] = name;
                return Task.CompletedTask;
            });
            return following(context);
        });
        next(app);
    };

    /// <summary>
    /// "GET /api/chats/{chat}" for a Microchat endpoint; null for the host's own. A group's "" endpoint has the
    /// group's pattern with a trailing slash as its raw text ("/api/chats/{chat}/"); it matches without one, and
    /// that is how API.md writes it.
    /// </summary>
    public static string? Describe(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<MicrochatEndpointMetadata>() is null) return null;
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
        return $"{string.Join(",", methods)} {endpoint.RoutePattern.RawText?.TrimEnd('/')}";
    }
}
