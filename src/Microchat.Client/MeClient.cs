using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>The caller itself: who it is, and (for a bot) its webhook.</summary>
public sealed class MeClient : IMeClient
{
    private readonly MicrochatTransport _transport;

    internal MeClient(MicrochatTransport transport) => _transport = transport;

    /// <summary>The caller's own chat details and whether it is a site administrator (<c>GET /me</c>).</summary>
    public Task<Me> GetAsync(CancellationToken cancellationToken = default) => _transport.GetAsync<Me>("me", cancellationToken);

    /// <summary>Has the bot's events pushed to <paramref name="url"/>, signed with <paramref name="secret"/> (<c>PUT /me/webhook</c>).</summary>
    public Task<WebhookState> SetWebhookAsync(Uri url, string secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        return _transport.PutAsync<SetWebhookRequest, WebhookState>("me/webhook", new SetWebhookRequest(url.ToString(), secret), cancellationToken);
    }

    /// <summary>The bot's webhook and how delivery is going (<c>GET /me/webhook</c>); null when none is set.</summary>
    public async Task<WebhookState?> GetWebhookAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _transport.GetAsync<WebhookState>("me/webhook", cancellationToken);
        }
        catch (MicrochatApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound && e.Problem is not null)
        {
            return null;
        }
    }

    /// <summary>Stops pushing; the event stream works again (<c>DELETE /me/webhook</c>).</summary>
    public Task DeleteWebhookAsync(CancellationToken cancellationToken = default) => _transport.DeleteAsync("me/webhook", cancellationToken);
}
