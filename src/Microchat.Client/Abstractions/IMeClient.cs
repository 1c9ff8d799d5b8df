using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>The caller itself: who it is, and (for a bot) its webhook. Implemented by <see cref="MeClient"/>; mock it in tests.</summary>
public interface IMeClient
{
    /// <summary>The caller's own chat details and whether it is a site administrator (<c>GET /me</c>).</summary>
    Task<Me> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Has the bot's events pushed to <paramref name="url"/>, signed with <paramref name="secret"/> (<c>PUT /me/webhook</c>).</summary>
    Task<WebhookState> SetWebhookAsync(Uri url, string secret, CancellationToken cancellationToken = default);

    /// <summary>The bot's webhook and how delivery is going (<c>GET /me/webhook</c>); null when none is set.</summary>
    Task<WebhookState?> GetWebhookAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops pushing; the event stream works again (<c>DELETE /me/webhook</c>).</summary>
    Task DeleteWebhookAsync(CancellationToken cancellationToken = default);
}
