using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microchat.Contracts;
using Microsoft.Extensions.Logging;

namespace Microchat.Client;

/// <summary>
/// The one send path of the client (as in Telegram.Bot): builds each attempt, adds the token and
/// an Idempotency-Key to every POST, retries transport failures and 429s, and turns refusals into
/// <see cref="MicrochatApiException"/> and lost connections into <see cref="MicrochatTransportException"/>.
/// Every resource client is a thin layer on it.
/// </summary>
internal sealed class MicrochatTransport
{
    private static readonly JsonSerializerOptions Json = MicrochatJson.Options;

    public MicrochatTransport(HttpClient http, MicrochatClientOptions options, ILogger logger)
    {
        Http = http;
        Options = options;
        Logger = logger;
        Root = Normalize(options.BaseAddress ?? http.BaseAddress);
    }

    public HttpClient Http { get; }

    public MicrochatClientOptions Options { get; }

    public ILogger Logger { get; }

    /// <summary>The API root, always ending in '/', so relative paths land under it.</summary>
    public Uri? Root { get; }

    public string? Token { get; set; }

    public Task<T> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(new MicrochatRequest(HttpMethod.Get, path), ct);

    public Task<TResponse> PostAsync<TRequest, TResponse>(string path, TRequest body, CancellationToken ct) =>
        SendAsync<TResponse>(new MicrochatRequest(HttpMethod.Post, path, JsonBody(body)), ct);

    public Task<TResponse> PutAsync<TRequest, TResponse>(string path, TRequest body, CancellationToken ct) =>
        SendAsync<TResponse>(new MicrochatRequest(HttpMethod.Put, path, JsonBody(body)), ct);

    public Task<TResponse> PatchAsync<TRequest, TResponse>(string path, TRequest body, CancellationToken ct) =>
        SendAsync<TResponse>(new MicrochatRequest(HttpMethod.Patch, path, JsonBody(body)), ct);

    public async Task PostAsync<TRequest>(string path, TRequest body, CancellationToken ct)
    {
        using var response = await SendRawAsync(new MicrochatRequest(HttpMethod.Post, path, JsonBody(body)), ct);
    }

    public async Task DeleteAsync(string path, CancellationToken ct)
    {
        using var response = await SendRawAsync(new MicrochatRequest(HttpMethod.Delete, path), ct);
    }

    public async Task<T> SendAsync<T>(MicrochatRequest request, CancellationToken ct)
    {
        using var response = await SendRawAsync(request, ct);
        var value = await response.Content.ReadFromJsonAsync(Info<T>(), ct);
        return value ?? throw new MicrochatApiException(response.StatusCode, null);
    }

    /// <summary>Sends a call, retrying what is safe to retry, and returns a successful response; the caller disposes it.</summary>
    public async Task<HttpResponseMessage> SendRawAsync(MicrochatRequest call, CancellationToken ct)
    {
        // One key for every attempt of this call: that is what makes a replay harmless.
        var key = call.Method == HttpMethod.Post ? IdempotencyScope.Take() ?? Guid.NewGuid().ToString("N") : null;
        var replayable = call.Retry && call.Replayable;
        var canRetryTransport = replayable && call.Method != HttpMethod.Patch;
        var maxAttempts = canRetryTransport ? Math.Max(1, Options.MaxAttempts) : 1;
        var attempt = 0;
        var throttled = 0;
        var delay = Options.RetryDelay;
        while (true)
        {
            attempt++;
            HttpResponseMessage response;
            using (var request = Build(call, key))
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                if (Options.RequestTimeout != Timeout.InfiniteTimeSpan) timeout.CancelAfter(Options.RequestTimeout);
                try
                {
                    response = await Http.SendAsync(request, call.Completion, timeout.Token);
                }
                catch (Exception e) when (IsTransportFailure(e, ct))
                {
                    if (attempt >= maxAttempts)
                        throw new MicrochatTransportException(
                            $"{call.Method} {call.Path} got no answer after {attempt} attempt(s): {e.Message}", e, attempt, key);
                    Logger.RetryingTransport(call.Method, call.Path, attempt, maxAttempts, delay, key, e);
                    await Task.Delay(delay, ct);
                    delay *= 2;
                    continue;
                }
            }

            if (response.IsSuccessStatusCode) return response;

            var wait = ProblemReader.RetryAfter(response) ?? TimeSpan.FromSeconds(1);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && replayable
                && throttled < Options.RateLimitRetryCount && wait <= Options.RateLimitRetryThreshold)
            {
                throttled++;
                response.Dispose();
                Logger.RetryingRateLimited(call.Method, call.Path, wait);
                await Task.Delay(wait, ct);
                continue;
            }
            if (IsTransientStatus(response.StatusCode) && attempt < maxAttempts)
            {
                response.Dispose();
                Logger.RetryingStatus(call.Method, call.Path, response.StatusCode, delay);
                await Task.Delay(delay, ct);
                delay *= 2;
                continue;
            }
            using (response) throw await ProblemReader.ToExceptionAsync(response, Root, ct);
        }
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

    /// <summary>The absolute address of a path under the API root.</summary>
    public Uri Address(string path) => Root is null ? new Uri(path, UriKind.Relative) : new Uri(Root, path);

    public static Uri? Normalize(Uri? root) =>
        root is null || root.AbsolutePath.EndsWith('/') ? root : new UriBuilder(root) { Path = root.AbsolutePath + "/" }.Uri;

    private HttpRequestMessage Build(MicrochatRequest call, string? key)
    {
        var request = new HttpRequestMessage(call.Method, Address(call.Path)) { Content = call.Content?.Invoke() };
        if (Token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (key is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        call.Configure?.Invoke(request);
        return request;
    }

    // A timeout surfaces as a cancellation the caller did not ask for.
    private static bool IsTransportFailure(Exception e, CancellationToken ct) =>
        !ct.IsCancellationRequested && e is HttpRequestException or IOException or OperationCanceledException;

    private static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static Func<HttpContent> JsonBody<T>(T body) => () => JsonContent.Create(body, Info<T>());

    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Json.GetTypeInfo(typeof(T));
}
