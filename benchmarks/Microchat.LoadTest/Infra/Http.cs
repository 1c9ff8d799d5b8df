using System.Net;
using System.Net.Http.Headers;

namespace Microchat.LoadTest.Infra;

/// <summary>HTTP plumbing for the load generator: one pooled handler per client, pre-encoded bodies.</summary>
internal static class Http
{
    public static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <summary>A client whose pool opens up to <paramref name="connections"/> HTTP/1.1 connections.</summary>
    public static HttpClient Client(Uri baseAddress, int connections, TimeSpan? timeout = null) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(30),
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = baseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(100),
            DefaultRequestVersion = HttpVersion.Version11,
        };

    /// <summary>Sends one request and drains the response; true on a 2xx.</summary>
    public static async Task<bool> SendAsync(HttpClient client, HttpMethod method, string path, byte[]? body, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = Json;
        }
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        return response.IsSuccessStatusCode;
    }
}
