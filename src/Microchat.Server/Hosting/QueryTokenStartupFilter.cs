using Microchat.Server.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Microchat.Server.Hosting;

/// <summary>Puts <see cref="QueryTokenMiddleware"/> at the front of the host's pipeline, before its logging middleware.</summary>
internal sealed class QueryTokenStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<QueryTokenMiddleware>();
        next(app);
    };
}
