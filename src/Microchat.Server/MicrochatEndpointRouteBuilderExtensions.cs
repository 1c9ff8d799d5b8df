using Microchat.Server.Authentication;
using Microchat.Server.Endpoints;
using Microchat.Server.Errors;
using Microchat.Server.Hosting;
using Microchat.Server.Http;
using Microchat.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

// The conventional namespace, so MapMicrochat() shows up beside the host's other Map* calls.
namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Microchat HTTP API.</summary>
public static class MicrochatEndpointRouteBuilderExtensions
{
    /// <summary>Maps every Microchat endpoint under <paramref name="prefix"/>; returns the group for the host's own conventions.</summary>
    public static RouteGroupBuilder MapMicrochat(this IEndpointRouteBuilder endpoints, string prefix = "/api")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<MicrochatMarker>() is null)
            throw new InvalidOperationException(
                "MC0100: Microchat's services are missing. Call builder.Services.AddMicrochat() before app.MapMicrochat().");
        if (endpoints.ServiceProvider.GetService<IEntityStore>() is null)
            throw new InvalidOperationException(
                "MC0101: No Microchat store is registered. Chain one onto AddMicrochat(), e.g. .UseLiteDb(\"Filename=microchat.db\").");

        endpoints.ServiceProvider.GetRequiredService<MicrochatPrefixes>().Add(prefix);
        var api = endpoints.MapGroup(prefix)
            .WithMetadata(new MicrochatEndpointMetadata(prefix))
            .RequireAuthorization(MicrochatAuthenticationDefaults.Policy)
            .AddEndpointFilter<DomainExceptionFilter>()
            .AddEndpointFilter<IdempotencyFilter>()
            .AddEndpointFilterFactory(ReservedAliasFilter.Factory);
        // Runs once each endpoint's request delegate exists, so binding failures can be wrapped.
        // The rate limits go outside it: a request over budget is refused before its body is read.
        ((IEndpointConventionBuilder)api).Finally(endpoint =>
            endpoint.RequestDelegate = RateLimitPipeline.Wrap(endpoint,
                DuplicateKeyGuard.Wrap(endpoint, BindingFailureProblems.Wrap(endpoint.RequestDelegate!))));

        api.MapAuth();
        api.MapConferences();
        api.MapMembers();
        api.MapChatDetails();
        api.MapBots();
        api.MapMedia();
        api.MapAvatars();
        api.MapContacts();
        api.MapMessages();
        api.MapReactions();
        api.MapMessageVersions();
        api.MapSearch();
        api.MapChatList();
        api.MapTyping();
        api.MapEvents();
        api.MapMe();
        return api;
    }
}
