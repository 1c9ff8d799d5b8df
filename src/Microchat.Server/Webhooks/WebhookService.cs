using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Server.Http;
using Microchat.Storage;
using Microsoft.Extensions.Options;

namespace Microchat.Server.Webhooks;

/// <summary>A bot's webhook: setting, showing and removing it. Delivery itself is <see cref="WebhookDispatcher"/>'s.</summary>
internal sealed class WebhookService(
    IWebhookStore webhooks, IEventStore events, WebhookDispatcher dispatcher, IOptionsMonitor<MicrochatOptions> options)
{
    /// <summary>"pending" counts up to this many events; more reads as this number.</summary>
    public const int PendingCountLimit = 1000;

    public async ValueTask<WebhookState> SetAsync(Caller caller, SetWebhookRequest request, CancellationToken ct)
    {
        RequireBot(caller);
        var url = await WebhookUrlRules.CheckAsync(request.Url, request.Secret, options.CurrentValue.AllowInsecureWebhooks, ct);
        var existing = await webhooks.FindAsync(caller.Id, ct);
        // A new webhook starts from now, as a new stream does; a changed one keeps its position, so nothing is lost in between.
        var position = existing?.LastDeliveredId ?? (await events.GetBoundsAsync(ct)).LastId;
        var webhook = new WebhookRecord { BotId = caller.Id, Url = url.ToString(), Secret = request.Secret, LastDeliveredId = position };
        await webhooks.SaveAsync(webhook, CancellationToken.None);
        dispatcher.Start(caller.Id);
        return await StateAsync(webhook, ct);
    }

    public async ValueTask<WebhookState> GetAsync(Caller caller, CancellationToken ct)
    {
        RequireBot(caller);
        var webhook = await webhooks.FindAsync(caller.Id, ct) ?? throw DomainException.NotFound("The bot's webhook");
        return await StateAsync(webhook, ct);
    }

    public async ValueTask DeleteAsync(Caller caller, CancellationToken ct)
    {
        RequireBot(caller);
        if (!await webhooks.DeleteAsync(caller.Id, ct)) throw DomainException.NotFound("The bot's webhook");
        dispatcher.Stop(caller.Id);
    }

    /// <summary>Whether a bot's events go to a webhook (its stream is refused meanwhile).</summary>
    public async ValueTask<bool> HasWebhookAsync(Caller caller, CancellationToken ct) =>
        caller.IsBot && await webhooks.FindAsync(caller.Id, ct) is not null;

    private async ValueTask<WebhookState> StateAsync(WebhookRecord webhook, CancellationToken ct)
    {
        var pending = await events.ReadAsync(webhook.BotId, webhook.LastDeliveredId, PendingCountLimit, ct);
        return new WebhookState(webhook.Url, pending.Count, webhook.LastDeliveredId == 0 ? null : webhook.LastDeliveredId,
            webhook.LastError, webhook.LastErrorAt);
    }

    private static void RequireBot(Caller caller)
    {
        if (!caller.IsBot) throw DomainException.Forbidden("Only a bot has a webhook; a user reads the event stream.");
    }
}
