using Microchat.Contracts;
using Microchat.Server.Domain;
using Microchat.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchat.Server.Endpoints;

/// <summary>Bots: <c>POST /bots</c>.</summary>
internal static class BotEndpoints
{
    public static RouteGroupBuilder MapBots(this RouteGroupBuilder api)
    {
        api.MapPost("/bots", CreateAsync)
            .WithTags("Bots")
            .WithName("CreateBot").WithSummary("Create a bot owned by the caller and get its token, shown this once.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 409);
        return api;
    }

    private static async Task<Created<CreatedBot>> CreateAsync(
        CreateBotRequest request, Caller caller, BotService bots, HttpContext http, CancellationToken ct)
    {
        var created = await bots.CreateAsync(caller, request, ct);
        return TypedResults.Created(Locations.Of(http, $"chats/@{created.Bot.Alias}"), created);
    }
}
