using Microchat.Server.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microchat.Server.Hosting;

/// <summary>Registers the two places that take <c>?access_token=</c> out of a request's URL.</summary>
internal static class QueryTokenRegistration
{
    public static void AddQueryTokenScrubbing(this IServiceCollection services)
    {
        // The web host registers DefaultHttpContextFactory (TryAdd) before the app's services; a
        // host may have put its own there. Either way Microchat's wraps whatever was registered.
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(IHttpContextFactory) && !d.IsKeyedService);
        Func<IServiceProvider, IHttpContextFactory> inner = existing switch
        {
            { ImplementationInstance: IHttpContextFactory instance } => _ => instance,
            { ImplementationFactory: { } factory } => sp => (IHttpContextFactory)factory(sp),
            { ImplementationType: { } type } when type != typeof(DefaultHttpContextFactory) =>
                sp => (IHttpContextFactory)ActivatorUtilities.CreateInstance(sp, type),
            _ => sp => new DefaultHttpContextFactory(sp),
        };
        services.RemoveAll<IHttpContextFactory>();
        services.AddSingleton<IHttpContextFactory>(sp =>
            new QueryTokenHttpContextFactory(inner(sp), sp.GetRequiredService<MicrochatPrefixes>()));
        // A second line for hosts that replace the factory after AddMicrochat(): first middleware.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, QueryTokenStartupFilter>());
    }
}
