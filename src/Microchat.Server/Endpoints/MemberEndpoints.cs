using Microchat.Contracts;
using Microchat.Server.Domain;
using Microchat.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchat.Server.Endpoints;

/// <summary>Conference members and their permissions: <c>/chats/@{conf}/members</c>.</summary>
internal static class MemberEndpoints
{
    public static RouteGroupBuilder MapMembers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/chats/{chat}/members").WithTags("Members");

        group.MapGet("", ListAsync)
            .WithName("ListMembers").WithSummary("List a conference's members in joining order.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        group.MapPost("", AddAsync)
            .WithName("AddMember").WithSummary("Add a user or bot to a conference, or join a public one.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404, 409);

        group.MapGet("/{member}", GetAsync)
            .WithName("GetMember").WithSummary("One member of a conference, by @alias or id.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        group.MapDelete("/{member}", RemoveAsync)
            .WithName("RemoveMember").WithSummary("Remove a member from a conference, or leave it.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        group.MapGet("/{member}/permissions", GetPermissionsAsync)
            .WithName("GetMemberPermissions").WithSummary("A member's permissions in a conference.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        group.MapPatch("/{member}/permissions", UpdatePermissionsAsync)
            .WithName("UpdateMemberPermissions").WithSummary("Change some of a member's permissions.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        return api;
    }

    private static async Task<Ok<IReadOnlyList<Member>>> ListAsync(
        string chat, [AsParameters] PageQuery page, Caller caller, MemberService members, CancellationToken ct) =>
        TypedResults.Ok(await members.ListAsync(caller, chat, page, ct));

    private static async Task<Created<Member>> AddAsync(
        string chat, AddMemberRequest request, Caller caller, MemberService members, HttpContext http, CancellationToken ct)
    {
        var member = await members.AddAsync(caller, chat, request, ct);
        return TypedResults.Created(Locations.Of(http, $"chats/{chat}/members/{member.Entity.Id}"), member);
    }

    private static async Task<Ok<Member>> GetAsync(string chat, string member, Caller caller, MemberService members, CancellationToken ct) =>
        TypedResults.Ok(await members.GetAsync(caller, chat, member, ct));

    private static async Task<NoContent> RemoveAsync(string chat, string member, Caller caller, MemberService members, CancellationToken ct)
    {
        await members.RemoveAsync(caller, chat, member, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Permissions>> GetPermissionsAsync(
        string chat, string member, Caller caller, MemberService members, CancellationToken ct) =>
        TypedResults.Ok(await members.GetPermissionsAsync(caller, chat, member, ct));

    private static async Task<Ok<Permissions>> UpdatePermissionsAsync(
        string chat, string member, PermissionsPatch patch, Caller caller, MemberService members, CancellationToken ct) =>
        TypedResults.Ok(await members.UpdatePermissionsAsync(caller, chat, member, patch, ct));
}
