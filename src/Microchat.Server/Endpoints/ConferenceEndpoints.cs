using Microchat.Contracts;
using Microchat.Server.Domain;
using Microchat.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchat.Server.Endpoints;

/// <summary>Conferences: <c>POST /conferences</c> and the default permissions at <c>/chats/@{conf}/permissions</c>.</summary>
internal static class ConferenceEndpoints
{
    public static RouteGroupBuilder MapConferences(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Conferences");

        group.MapPost("/conferences", CreateAsync)
            .WithName("CreateConference").WithSummary("Create a conference owned by the caller.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 409);

        group.MapGet("/chats/{chat}/permissions", GetDefaultsAsync)
            .WithName("GetDefaultPermissions").WithSummary("The permissions a new member of a conference starts with.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        group.MapPatch("/chats/{chat}/permissions", UpdateDefaultsAsync)
            .WithName("UpdateDefaultPermissions").WithSummary("Change some of a conference's default permissions.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        return api;
    }

    private static async Task<Created<ChatDetails>> CreateAsync(
        CreateConferenceRequest request, Caller caller, ConferenceService conferences, HttpContext http, CancellationToken ct)
    {
        var details = await conferences.CreateAsync(caller, request, ct);
        return TypedResults.Created(Locations.Of(http, $"chats/@{details.Alias}"), details);
    }

    private static async Task<Ok<Permissions>> GetDefaultsAsync(string chat, Caller caller, ConferenceService conferences, CancellationToken ct) =>
        TypedResults.Ok(await conferences.GetDefaultsAsync(caller, chat, ct));

    private static async Task<Ok<Permissions>> UpdateDefaultsAsync(
        string chat, PermissionsPatch patch, Caller caller, ConferenceService conferences, CancellationToken ct) =>
        TypedResults.Ok(await conferences.UpdateDefaultsAsync(caller, chat, patch, ct));
}
