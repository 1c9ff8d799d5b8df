using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microchat.Contracts;

namespace Microchat.Server.Tests.Authorization;

/// <summary>Raw HTTP against the matrix host: the matrix is about statuses, so it goes around the typed client.</summary>
public sealed class MatrixApi(HttpClient http)
{
    /// <summary>
    /// Sends a request as the holder of <paramref name="token"/> (none: anonymous), in the Authorization header or,
    /// with <paramref name="tokenInQuery"/>, as <c>?access_token=</c>. Only the headers are awaited,
    /// so an event stream answers at once; the caller disposes the response.
    /// </summary>
    public Task<HttpResponseMessage> SendAsync(CellRequest request, string? token, bool tokenInQuery = false)
    {
        var path = tokenInQuery && token is not null
            ? $"{request.Path}{(request.Path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}access_token={Uri.EscapeDataString(token)}"
            : request.Path;
        var message = new HttpRequestMessage(request.Method, path) { Content = request.Body };
        if (token is not null && !tokenInQuery) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>A setup call that must succeed with <paramref name="status"/>; returns the response body.</summary>
    public async Task<TResult> CallAsync<TResult>(CellRequest request, string? token, HttpStatusCode status)
    {
        using var response = await SendAsync(request, token);
        await EnsureAsync(request, response, status);
        return (await response.Content.ReadFromJsonAsync<TResult>(MicrochatJson.Options))!;
    }

    /// <summary>A setup call without a body to read.</summary>
    public async Task CallAsync(CellRequest request, string? token, HttpStatusCode status)
    {
        using var response = await SendAsync(request, token);
        await EnsureAsync(request, response, status);
    }

    private static async Task EnsureAsync(CellRequest request, HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode == status) return;
        var body = await response.Content.ReadAsStringAsync();
        throw new InvalidOperationException($"Setup {request.Method} {request.Path} answered {(int)response.StatusCode}, not {(int)status}: {body}");
    }
}
