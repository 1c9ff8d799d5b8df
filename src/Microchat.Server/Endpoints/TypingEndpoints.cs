using Microchat.Server.Domain;
using Microchat.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchat.Server.Endpoints;

/// <summary>Typing notices: <c>POST /chats/@{alias}/typing</c>.</summary>
internal static class TypingEndpoints
{
    public static RouteGroupBuilder MapTyping(this RouteGroupBuilder api)
    {
        api.MapPost("/chats/{chat}/typing", NotifyAsync)
            .WithTags("Chats")
            .WithName("NotifyTyping")
            .WithSummary("Tell the chat's other participants that the caller is typing (event typing; at most one per 3 s is passed on).")
            .ProducesProblems(400, 401, 403, 404);
        return api;
    }

    private static async Task<NoContent> NotifyAsync(string chat, Caller caller, TypingService typing, CancellationToken ct)
    {
        await typing.NotifyAsync(caller, chat, ct);
        return TypedResults.NoContent();
    }
}
