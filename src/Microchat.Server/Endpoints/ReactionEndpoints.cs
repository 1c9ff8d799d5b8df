using Microchat.Contracts;
using Microchat.Server.Domain;
using Microchat.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchat.Server.Endpoints;

/// <summary>Reactions to a message: <c>/chats/@{alias}/messages/{id}/reactions/{emoji}</c>.</summary>
internal static class ReactionEndpoints
{
    public static RouteGroupBuilder MapReactions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/chats/{chat}/messages/{id}/reactions/{emoji}").WithTags("Reactions");

        group.MapPut("", ReactAsync)
            .WithName("React").WithSummary("React to a message with an emoji (idempotent).")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        group.MapDelete("", UnreactAsync)
            .WithName("Unreact").WithSummary("Remove the caller's own reaction with an emoji.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        group.MapGet("", ListAsync)
            .WithName("ListReactors").WithSummary("Who reacted to a message with an emoji, oldest first.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        return api;
    }

    private static async Task<NoContent> ReactAsync(
        string chat, long id, string emoji, Caller caller, ReactionService reactions, CancellationToken ct)
    {
        await reactions.ReactAsync(caller, chat, id, emoji, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> UnreactAsync(
        string chat, long id, string emoji, Caller caller, ReactionService reactions, CancellationToken ct)
    {
        await reactions.UnreactAsync(caller, chat, id, emoji, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<EntitySummary>>> ListAsync(
        string chat, long id, string emoji, Caller caller, [AsParameters] PageQuery page, ReactionService reactions, CancellationToken ct) =>
        TypedResults.Ok(await reactions.ListAsync(caller, chat, id, emoji, page, ct));
}
