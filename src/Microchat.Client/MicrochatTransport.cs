using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>
/// The one place the client talks HTTP: builds requests, sends them with the token, and turns
/// failures into <see cref="MicrochatApiException"/>. Every resource client is a thin layer on it.
/// </summary>
internal sealed class MicrochatTransport(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = MicrochatJson.Options;

    public HttpClient Http { get; } = http;

    public string? Token { get; set; }

    public Task<T> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(HttpMethod.Get, path, null, ct);

    public Task<TResponse> PostAsync<TRequest, TResponse>(string path, TRequest body, CancellationToken ct) =>
        SendAsync<TResponse>(HttpMethod.Post, path, JsonContent.Create(body, Info<TRequest>()), ct);

    public Task<TResponse> PatchAsync<TRequest, TResponse>(string path, TRequest body, CancellationToken ct) =>
        SendAsync<TResponse>(HttpMethod.Patch, path, JsonContent.Create(body, Info<TRequest>()), ct);

    public async Task PostAsync<TRequest>(string path, TRequest body, CancellationToken ct)
    {
        using var response = await SendRawAsync(HttpMethod.Post, path, JsonContent.Create(body, Info<TRequest>()), ct);
    }

    public async Task DeleteAsync(string path, CancellationToken ct)
    {
        using var response = await SendRawAsync(HttpMethod.Delete, path, null, ct);
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var response = await SendRawAsync(method, path, content, ct);
        var value = await response.Content.ReadFromJsonAsync(Info<T>(), ct);
        return value ?? throw new MicrochatApiException(response.StatusCode, null);
    }

    /// <summary>Sends a request and returns a successful response; the caller disposes it.</summary>
    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (Token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        configure?.Invoke(request);
        var response = await Http.SendAsync(request, completion, ct);
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await ToExceptionAsync(response, ct);
    }

    public static string Query(string path, params (string Name, object? Value)[] parameters)
    {
        var pairs = parameters
            .Where(p => p.Value is not null)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(Convert.ToString(p.Value, CultureInfo.InvariantCulture)!)}")
            .ToList();
        return pairs.Count == 0 ? path : $"{path}?{string.Join('&', pairs)}";
    }

    /// <summary>A path segment naming a chat or member: "@alias" or a numeric id, escaped.</summary>
    public static string Ref(string aliasOrId) => Uri.EscapeDataString(aliasOrId);

    private static async Task<MicrochatApiException> ToExceptionAsync(HttpResponseMessage response, CancellationToken ct)
    {
        Problem? problem = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                problem = await response.Content.ReadFromJsonAsync(Info<Problem>(), ct);
            }
            catch (JsonException)
            {
                // Not a problem body after all: the status still says what happened.
            }
        }
        var retryAfter = response.Headers.RetryAfter?.Delta;
        return new MicrochatApiException(response.StatusCode, problem, retryAfter);
    }

    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Json.GetTypeInfo(typeof(T));
}
