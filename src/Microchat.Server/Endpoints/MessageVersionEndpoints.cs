using Microchat.Contracts;
using Microchat.Server.Domain;
using Microchat.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchat.Server.Endpoints;

/// <summary>A message's edit history: <c>GET /chats/@{alias}/messages/{id}/versions</c>.</summary>
internal static class MessageVersionEndpoints
{
    public static RouteGroupBuilder MapMessageVersions(this RouteGroupBuilder api)
    {
        api.MapGet("/chats/{chat}/messages/{id}/versions", ListAsync)
            .WithTags("Messages")
            .WithName("ListMessageVersions").WithSummary("A message's earlier versions, newest first: what it was until each edit.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<MessageVersion>>> ListAsync(
        string chat, long id, Caller caller, [AsParameters] PageQuery page, MessageVersionService versions, CancellationToken ct) =>
        TypedResults.Ok(await versions.ListAsync(caller, chat, id, page, ct));
}
