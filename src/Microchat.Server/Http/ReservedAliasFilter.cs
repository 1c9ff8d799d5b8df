using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Server.Http;

/// <summary>
/// Keeps administrator aliases for their owners: registering one needs the
/// <c>Microchat-Setup-Key</c> header, and no bot or conference may take one.
/// </summary>
internal sealed class ReservedAliasFilter(AdministratorSetup setup) : IEndpointFilter
{
    private static readonly Type[] Requests = [typeof(RegisterUserRequest), typeof(CreateBotRequest), typeof(CreateConferenceRequest)];

    /// <summary>Adds the filter only to endpoints that take an alias for a new entity.</summary>
    public static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        if (!context.MethodInfo.GetParameters().Any(p => Requests.Contains(p.ParameterType))) return next;
        var filter = new ReservedAliasFilter(context.ApplicationServices.GetRequiredService<AdministratorSetup>());
        return invocation => filter.InvokeAsync(invocation, next);
    }

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            switch (argument)
            {
                case RegisterUserRequest user when setup.IsReserved(user.Alias):
                    if (!setup.Accepts(context.HttpContext.Request.Headers[AdministratorSetup.Header].ToString()))
                        throw DomainException.Forbidden($"The alias '{user.Alias}' is reserved for an administrator; registering it needs the {AdministratorSetup.Header} header.");
                    break;
                case CreateBotRequest bot when setup.IsReserved(bot.Alias):
                    throw DomainException.Forbidden($"The alias '{bot.Alias}' is reserved for an administrator.");
                case CreateConferenceRequest conference when setup.IsReserved(conference.Alias):
                    throw DomainException.Forbidden($"The alias '{conference.Alias}' is reserved for an administrator.");
            }
        }
        return next(context);
    }
}
