using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microchat.Contracts;
using Microchat.Storage;

namespace Microchat.Server.Webhooks;

/// <summary>POSTs one event to a webhook, signed; says whether the receiver acknowledged it and, if not, why.</summary>
internal sealed class WebhookSender(IHttpClientFactory clients)
{
    public const string ClientName = "Microchat.Webhooks";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    // Bounds the connections all webhooks hold at once; a slow receiver holds one slot for at most Timeout.
    private readonly SemaphoreSlim _slots = new(32, 32);

    /// <returns>Null when acknowledged (2xx); otherwise what went wrong.</returns>
    public async Task<string?> SendAsync(WebhookRecord webhook, long id, string name, string data, CancellationToken ct)
    {
        var body = Body(id, name, data);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookHeaders.EventId, id.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Signature, WebhookSignature.Sign(webhook.Secret, body));

        await _slots.WaitAsync(ct);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return response.IsSuccessStatusCode ? null : $"The receiver answered {(int)response.StatusCode} {response.ReasonPhrase}.";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"No answer within {Timeout.TotalSeconds:0} s.";
        }
        catch (HttpRequestException e)
        {
            return $"Could not deliver: {e.Message}";
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary><c>{ "id", "event", "data" }</c> with the stored data as it is (already the wire's JSON).</summary>
    public static byte[] Body(long id, string name, string data)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("id", id);
            json.WriteString("event", name);
            json.WritePropertyName("data");
            json.WriteRawValue(data);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
