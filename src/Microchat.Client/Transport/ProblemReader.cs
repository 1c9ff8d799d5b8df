using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Turns a refusal into a <see cref="MicrochatApiException"/> with the server's problem details.</summary>
internal static class ProblemReader
{
    public static async Task<MicrochatApiException> ToExceptionAsync(HttpResponseMessage response, Uri? root, CancellationToken ct)
    {
        Problem? problem = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                problem = await response.Content.ReadFromJsonAsync((JsonTypeInfo<Problem>)MicrochatJson.Options.GetTypeInfo(typeof(Problem)), ct);
            }
            catch (JsonException)
            {
                // Not a problem body after all: the status still says what happened.
            }
        }
        // A bare 404 is what a wrong base address gets: say so instead of leaving the user guessing.
        var message = problem is null && response.StatusCode == HttpStatusCode.NotFound
            ? $"{response.RequestMessage?.RequestUri} answered a bare 404: is the client's base address ({root}) the Microchat API root, e.g. http://host/api?"
            : null;
        return new MicrochatApiException(response.StatusCode, problem, RetryAfter(response), message);
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
