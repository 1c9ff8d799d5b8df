using Microchat.Server.Errors;
using Microchat.Server.Http;
using Microsoft.AspNetCore.Http;

namespace Microchat.Server.Webhooks;

/// <summary>
/// Refuses <c>GET /events</c> (409) to a bot whose events go to a webhook: two consumers of one
/// bot's events would each see them and answer twice. DELETE the webhook to use the stream again.
/// </summary>
internal sealed class WebhookStreamFilter(WebhookService webhooks) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (Caller.From(context.HttpContext.User) is { } caller && await webhooks.HasWebhookAsync(caller, context.HttpContext.RequestAborted))
            throw DomainException.Conflict("This bot has a webhook: its events are POSTed there. DELETE /api/me/webhook to use the stream again.");
        return await next(context);
    }
}
