using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Microchat.Server.Endpoints;

/// <summary>Declares, in one line per endpoint, the problem statuses it can answer, so OpenAPI lists every refusal.</summary>
internal static class ProblemResponses
{
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses) endpoint.ProducesProblem(status);
        return endpoint;
    }
}
