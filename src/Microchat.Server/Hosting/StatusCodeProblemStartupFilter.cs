using Microchat.Server.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Microchat.Server.Hosting;

/// <summary>Puts <see cref="StatusCodeProblemMiddleware"/> into the host's pipeline without the host calling anything.</summary>
internal sealed class StatusCodeProblemStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<StatusCodeProblemMiddleware>();
        next(app);
    };
}
