using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Microchat.Server.Tests.Hardening;

/// <summary>Raw HTTP shortcuts for tests that need to see headers and bodies exactly as sent.</summary>
internal static class HardeningHttp
{
    public static HttpRequestMessage Json(HttpMethod method, string path, string body, string? token = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Xunit.Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
