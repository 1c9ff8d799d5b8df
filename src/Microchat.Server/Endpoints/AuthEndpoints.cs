using Microchat.Contracts;
using Microchat.Server.Domain;
using Microchat.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchat.Server.Endpoints;

/// <summary>Accounts and tokens: <c>POST /users</c> and <c>/auth/tokens</c>.</summary>
internal static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Accounts");

        group.MapPost("/users", RegisterAsync)
            .AllowAnonymous()
            .WithMetadata(MicrochatRateLimit.Auth)
            .WithName("RegisterUser").WithSummary("Create a user account.")
            .ProducesValidationProblem()
            .ProducesProblems(403, 409, 429);

        group.MapPost("/auth/tokens", LoginAsync)
            .AllowAnonymous()
            .WithMetadata(MicrochatRateLimit.Auth)
            .WithName("CreateToken").WithSummary("Log in with a password and get a bearer token.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 429);

        group.MapGet("/auth/tokens", ListAsync)
            .WithName("ListTokens").WithSummary("List the caller's live tokens.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403);

        group.MapDelete("/auth/tokens/{id}", RevokeAsync)
            .WithName("RevokeToken").WithSummary("Revoke one of the caller's tokens.")
            .ProducesProblems(401, 403, 404);

        return api;
    }

    private static async Task<Created<ChatDetails>> RegisterAsync(
        RegisterUserRequest request, AccountService accounts, ChatAccess access, ChatDetailsPresenter details,
        HttpContext http, CancellationToken ct)
    {
        var user = await accounts.RegisterAsync(request, ct);
        var self = new Caller(user.Id, user.Type, 0, false);
        var view = await access.ViewAsync(self, user, ct);
        var body = await details.PresentAsync(self, view!, ct);
        return TypedResults.Created(Locations.Of(http, $"chats/@{user.Alias}"), body);
    }

    private static async Task<Created<CreatedToken>> LoginAsync(
        CreateTokenRequest request, TokenService tokens, HttpContext http, CancellationToken ct)
    {
        var token = await tokens.LoginAsync(request, ct);
        return TypedResults.Created(Locations.Of(http, "auth/tokens"), token);
    }

    private static async Task<Ok<IReadOnlyList<TokenInfo>>> ListAsync(
        Caller caller, [AsParameters] PageQuery page, TokenService tokens, CancellationToken ct) =>
        TypedResults.Ok(await tokens.ListAsync(caller, page, ct));

    private static async Task<NoContent> RevokeAsync(long id, Caller caller, TokenService tokens, CancellationToken ct)
    {
        await tokens.RevokeAsync(caller, id, ct);
        return TypedResults.NoContent();
    }
}
