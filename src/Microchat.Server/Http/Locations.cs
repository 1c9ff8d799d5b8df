using Microsoft.AspNetCore.Http;

namespace Microchat.Server.Http;

/// <summary>Builds <c>Location</c> URLs under whatever prefix Microchat was mapped at.</summary>
internal static class Locations
{
    public static string Of(HttpContext context, string relative)
    {
        var prefix = context.GetEndpoint()?.Metadata.GetMetadata<MicrochatEndpointMetadata>()?.Prefix ?? "";
        return $"{context.Request.PathBase}{prefix.TrimEnd('/')}/{relative.TrimStart('/')}";
    }
}
