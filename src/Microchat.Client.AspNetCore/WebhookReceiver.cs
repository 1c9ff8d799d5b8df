using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microchat.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Microchat.Client.AspNetCore;

/// <summary>
/// Takes one webhook delivery: checks its signature, turns it into the event the stream would have
/// carried, and hands it to the bot's handler. It answers 200 only once the handler is done, so an
/// event the bot crashed on is delivered again; an id already handled is acknowledged and skipped.
/// </summary>
internal sealed class WebhookReceiver(IMicrochatClient client, IMicrochatBotHandler handler, MicrochatBotOptions options, ILogger logger)
{
    private const int MaxBodyBytes = 1024 * 1024;
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly BotRunner _runner = new(client, handler, options, logger);
    private long _lastHandled;
    private long? _ownId;

    public async Task<IResult> ReceiveAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var secret = options.WebhookSecret;
        if (string.IsNullOrEmpty(secret)) return Refuse("MicrochatBotOptions.WebhookSecret is not set", StatusCodes.Status500InternalServerError);

        var body = await ReadBodyAsync(http.Request, ct);
        if (body is null) return Refuse("the body is over 1 MiB", StatusCodes.Status413PayloadTooLarge);
        if (!SignatureMatches(secret, body, http.Request.Headers["Microchat-Signature"].ToString()))
            return Refuse("the signature does not match the secret", StatusCodes.Status401Unauthorized);

        WebhookDelivery? delivery;
        try
        {
            delivery = JsonSerializer.Deserialize(body, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<WebhookDelivery>)
                MicrochatJson.Options.GetTypeInfo(typeof(WebhookDelivery)));
        }
        catch (JsonException)
        {
            delivery = null;
        }
        if (delivery is null || string.IsNullOrEmpty(delivery.Event)) return Refuse("the body is not a delivery", StatusCodes.Status400BadRequest);

        // The server sends one at a time; this keeps a retried delivery from overtaking the first.
        await _one.WaitAsync(ct);
        try
        {
            if (delivery.Id <= _lastHandled && delivery.Event != EventNames.Reset) return Results.Ok();
            var update = MicrochatEventReader.Read(delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                delivery.Event, delivery.Data.GetRawText());
            if (options.IncludeOwnMessages || !await IsOwnAsync(update, ct)) await _runner.HandleOneAsync(update, ct);
            _lastHandled = Math.Max(_lastHandled, delivery.Id);
            return Results.Ok();
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<bool> IsOwnAsync(MicrochatEvent update, CancellationToken ct)
    {
        if (update is not MessageEvent message) return false;
        _ownId ??= (await client.Me.GetAsync(ct)).Id;
        return message.Message.Sender.Id == _ownId;
    }

    internal static bool SignatureMatches(string secret, byte[] body, string header)
    {
        const string Prefix = "sha256=";
        if (!header.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private IResult Refuse(string reason, int status)
    {
        logger.WebhookRefused(reason);
        return Results.Problem(title: "Webhook delivery refused", detail: reason, statusCode: status);
    }
}
