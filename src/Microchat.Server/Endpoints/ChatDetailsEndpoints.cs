using Microchat.Contracts;
using Microchat.Server.Domain;
using Microchat.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchat.Server.Endpoints;

/// <summary>One chat's details: <c>GET</c>, <c>PATCH</c> and <c>DELETE /chats/@{alias}</c>.</summary>
internal static class ChatDetailsEndpoints
{
    public static RouteGroupBuilder MapChatDetails(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/chats/{chat}").WithTags("Chats");

        group.MapGet("", GetAsync)
            .WithName("GetChat").WithSummary("A chat's details as the caller sees them.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 404);

        group.MapPatch("", UpdateAsync)
            .WithName("UpdateChat").WithSummary("Edit a user's own profile, a bot's title and description, or a conference.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        group.MapDelete("", DeleteAsync)
            .WithName("DeleteChat").WithSummary("Delete one's own account, a bot one owns, or a conference one owns (site administrators: any).")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        return api;
    }

    private static async Task<Ok<ChatDetails>> GetAsync(string chat, Caller caller, ChatDetailsService chats, CancellationToken ct) =>
        TypedResults.Ok(await chats.GetAsync(caller, chat, ct));

    private static async Task<Ok<ChatDetails>> UpdateAsync(
        string chat, UpdateChatRequest request, Caller caller, ChatDetailsService chats, CancellationToken ct) =>
        TypedResults.Ok(await chats.UpdateAsync(caller, chat, request, ct));

    private static async Task<NoContent> DeleteAsync(string chat, Caller caller, ChatDeletionService deletions, CancellationToken ct)
    {
        await deletions.DeleteAsync(caller, chat, ct);
        return TypedResults.NoContent();
    }
}
