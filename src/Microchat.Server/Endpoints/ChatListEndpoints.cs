using Microchat.Contracts;
using Microchat.Server.Domain;
using Microchat.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchat.Server.Endpoints;

/// <summary>The caller's chat list and read markers: <c>GET /chats</c>, <c>POST /chats/@{alias}/read</c>.</summary>
internal static class ChatListEndpoints
{
    public static RouteGroupBuilder MapChatList(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/chats").WithTags("Chats");

        group.MapGet("", ListAsync)
            .WithName("ListChats").WithSummary("List the caller's chats, newest activity first, with last message and unread count.")
            .ProducesValidationProblem()
            .ProducesProblems(401);

        group.MapPost("/{chat}/read", MarkReadAsync)
            .WithName("MarkChatRead").WithSummary("Mark a chat read up to a message.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        return api;
    }

    private static async Task<Ok<IReadOnlyList<ChatSummary>>> ListAsync(
        Caller caller, [AsParameters] PageQuery page, ChatListService chats, CancellationToken ct) =>
        TypedResults.Ok(await chats.ListAsync(caller, page, ct));

    private static async Task<NoContent> MarkReadAsync(
        string chat, MarkReadRequest request, Caller caller, ReadMarkerService markers, CancellationToken ct)
    {
        await markers.MarkReadAsync(caller, chat, request, ct);
        return TypedResults.NoContent();
    }
}
