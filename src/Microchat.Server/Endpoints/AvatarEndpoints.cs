using Microchat.Contracts;
using Microchat.Server.Domain;
using Microchat.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchat.Server.Endpoints;

/// <summary>Avatars of users, bots and conferences: <c>/chats/{chat}/avatars</c>.</summary>
internal static class AvatarEndpoints
{
    public static RouteGroupBuilder MapAvatars(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/chats/{chat}/avatars").WithTags("Avatars");

        group.MapGet("", ListAsync)
            .WithName("ListAvatars").WithSummary("List an entity's avatars, newest (the current one) first.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 404);

        group.MapPost("", SetAsync)
            .WithName("SetAvatar").WithSummary("Make an uploaded photo the current avatar.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        group.MapDelete("/{id}", DeleteAsync)
            .WithName("DeleteAvatar").WithSummary("Remove one of an entity's avatars.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        return api;
    }

    private static async Task<Ok<IReadOnlyList<Avatar>>> ListAsync(
        string chat, Caller caller, [AsParameters] PageQuery page, AvatarService avatars, CancellationToken ct) =>
        TypedResults.Ok(await avatars.ListAsync(caller, chat, page, ct));

    private static async Task<Created<Avatar>> SetAsync(
        string chat, SetAvatarRequest request, Caller caller, AvatarService avatars, HttpContext http, CancellationToken ct)
    {
        var (target, avatar) = await avatars.SetAsync(caller, chat, request, ct);
        return TypedResults.Created(Locations.Of(http, $"chats/@{target.Alias}/avatars/{avatar.Id}"), avatar);
    }

    private static async Task<NoContent> DeleteAsync(string chat, long id, Caller caller, AvatarService avatars, CancellationToken ct)
    {
        await avatars.DeleteAsync(caller, chat, id, ct);
        return TypedResults.NoContent();
    }
}
