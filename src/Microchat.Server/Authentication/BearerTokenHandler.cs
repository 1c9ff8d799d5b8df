using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microchat.Server.Domain;
using Microchat.Server.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microchat.Server.Authentication;

/// <summary>
/// Authenticates <c>Authorization: Bearer</c> tokens (and <c>?access_token=</c> on the two
/// endpoints a browser cannot send headers to), answering failures as problem responses.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = ReadToken(Context);
        if (secret is null) return AuthenticateResult.NoResult();

        var session = await tokens.AuthenticateAsync(secret, Context.RequestAborted);
        if (session is null) return AuthenticateResult.Fail("The token is not valid or has been revoked.");

        var claims = new List<Claim>
        {
            new(MicrochatClaims.EntityId, session.Entity.Id.ToString(CultureInfo.InvariantCulture)),
            new(MicrochatClaims.EntityType, session.Entity.Type.ToString()),
            new(MicrochatClaims.TokenId, session.TokenId.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, session.Entity.Alias),
        };
        if (session.IsAdministrator) claims.Add(new Claim(MicrochatClaims.Administrator, "true"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "A valid bearer token is required.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "This token may not do that.");

    private Task WriteProblemAsync(int status, string detail)
    {
        if (status == StatusCodes.Status401Unauthorized)
            Response.Headers.WWWAuthenticate = "Bearer";
        Response.StatusCode = status;
        return TypedResults.Problem(detail: detail, statusCode: status, title: ProblemTitles.For(status)).ExecuteAsync(Context);
    }

    private static string? ReadToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return header["Bearer ".Length..].Trim() is { Length: > 0 } token ? token : null;

        // Browsers' EventSource and <img> cannot set headers: only those endpoints take a query token.
        // QueryTokenMiddleware has normally moved it out of the URL already, so logs never see it.
        if (context.GetEndpoint()?.Metadata.GetMetadata<AllowsQueryTokenMetadata>() is null) return null;
        var fromQuery = context.Features.Get<QueryTokenFeature>()?.Token
            ?? (context.Request.Query.TryGetValue(QueryTokenScrubber.Parameter, out var query) ? query.ToString() : null);
        return string.IsNullOrEmpty(fromQuery) ? null : fromQuery;
    }
}

/// <summary>Marks an endpoint that accepts <c>?access_token=</c>.</summary>
internal sealed class AllowsQueryTokenMetadata
{
    public static readonly AllowsQueryTokenMetadata Instance = new();
}
