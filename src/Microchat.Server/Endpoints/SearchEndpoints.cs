using Microchat.Contracts;
using Microchat.Server.Domain;
using Microchat.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Microchat.Server.Endpoints;

/// <summary>Search: <c>GET /search/messages</c> and <c>GET /search/chats</c>.</summary>
internal static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearch(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/search").WithTags("Search");

        group.MapGet("/messages", SearchMessagesAsync)
            .WithName("SearchMessages")
            .WithSummary("Messages holding every word of q (a word matches words starting with it), newest first, in the caller's chats or one chat.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        group.MapGet("/chats", SearchChatsAsync)
            .WithName("SearchChats").WithSummary("Users, bots and conferences whose alias or title has words starting with q's words.")
            .ProducesValidationProblem()
            .ProducesProblems(401);

        return api;
    }

    private static async Task<Ok<IReadOnlyList<Message>>> SearchMessagesAsync(
        [FromQuery(Name = "q")] string? q, [AsParameters] PageQuery page, [FromQuery(Name = "chat")] string? chat,
        [FromQuery(Name = "before")] long? before, Caller caller, MessageSearchService search, CancellationToken ct) =>
        TypedResults.Ok(await search.SearchAsync(caller, q, page, chat, before, ct));

    private static async Task<Ok<IReadOnlyList<EntitySummary>>> SearchChatsAsync(
        [FromQuery(Name = "q")] string? q, [AsParameters] PageQuery page, Caller caller, ChatSearchService search, CancellationToken ct) =>
        TypedResults.Ok(await search.SearchAsync(caller, q, page, ct));
}
