using Microchat.Server.Hosting;
using Microsoft.AspNetCore.Http;

namespace Microchat.Server.Errors;

/// <summary>
/// Routing itself answers some requests under Microchat's prefix with a bare status: 405 for a
/// method a path does not take, 415 for a body that is not JSON. This gives those a problem body
/// too, and leaves every path outside Microchat's prefixes alone.
/// </summary>
internal sealed class StatusCodeProblemMiddleware(RequestDelegate next, MicrochatPrefixes prefixes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentType is null
            && prefixes.Covers(context.Request.Path))
        {
            await BindingFailureProblems.WriteAsync(context, response.StatusCode, null);
        }
    }
}
