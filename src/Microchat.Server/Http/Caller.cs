using System.Globalization;
using System.Security.Claims;
using Microchat.Contracts;
using Microchat.Server.Authentication;
using Microsoft.AspNetCore.Http;

namespace Microchat.Server.Http;

/// <summary>Who is calling: the authenticated user or bot, and the token it used.</summary>
internal sealed record Caller(long Id, EntityType Type, long TokenId, bool IsAdministrator)
{
    public bool IsBot => Type == EntityType.Bot;

    /// <summary>Bound by minimal APIs from the Microchat scheme's principal.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult(From(context.User));

    public static Caller? From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirst(MicrochatClaims.EntityId)?.Value;
        var type = principal.FindFirst(MicrochatClaims.EntityType)?.Value;
        var token = principal.FindFirst(MicrochatClaims.TokenId)?.Value;
        if (id is null || type is null || token is null) return null;
        return new Caller(
            long.Parse(id, CultureInfo.InvariantCulture),
            Enum.Parse<EntityType>(type),
            long.Parse(token, CultureInfo.InvariantCulture),
            principal.HasClaim(MicrochatClaims.Administrator, "true"));
    }
}
