using System.Globalization;
using Microchat.Contracts;
using Microchat.Server.Domain;
using Microchat.Server.Http;
using Microchat.Server.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchat.Server.Endpoints;

/// <summary>The caller itself: <c>GET /me</c>, and a bot's webhook (<c>PUT</c>, <c>GET</c>, <c>DELETE /me/webhook</c>).</summary>
internal static class MeEndpoints
{
    public static RouteGroupBuilder MapMe(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Me");

        me.MapGet("", GetAsync)
            .WithName("GetMe").WithSummary("The caller's own chat details (as GET /chats/@own) and whether it is a site administrator.")
            .ProducesProblems(401);

        me.MapPut("/webhook", SetWebhookAsync)
            .WithName("SetWebhook").WithSummary("Push the bot's events to an https URL, signed with the secret, instead of the stream.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403);

        me.MapGet("/webhook", GetWebhookAsync)
            .WithName("GetWebhook").WithSummary("The bot's webhook: its URL, pending events and the last delivery error.")
            .ProducesProblems(401, 403, 404);

        me.MapDelete("/webhook", DeleteWebhookAsync)
            .WithName("DeleteWebhook").WithSummary("Stop pushing; the bot's event stream works again.")
            .ProducesProblems(401, 403, 404);

        return api;
    }

    /// <summary>Refuses the event stream to a bot whose events go to its webhook.</summary>
    public static RouteHandlerBuilder RefusedWhileWebhookIsSet(this RouteHandlerBuilder stream) =>
        stream.AddEndpointFilter<WebhookStreamFilter>().ProducesProblems(409);

    private static async Task<Ok<Me>> GetAsync(Caller caller, ChatDetailsService chats, CancellationToken ct)
    {
        var details = await chats.GetAsync(caller, caller.Id.ToString(CultureInfo.InvariantCulture), ct);
        return TypedResults.Ok(Me.From(details, caller.IsAdministrator));
    }

    private static async Task<Ok<WebhookState>> SetWebhookAsync(SetWebhookRequest request, Caller caller, WebhookService webhooks, CancellationToken ct) =>
        TypedResults.Ok(await webhooks.SetAsync(caller, request, ct));

    private static async Task<Ok<WebhookState>> GetWebhookAsync(Caller caller, WebhookService webhooks, CancellationToken ct) =>
        TypedResults.Ok(await webhooks.GetAsync(caller, ct));

    private static async Task<NoContent> DeleteWebhookAsync(Caller caller, WebhookService webhooks, CancellationToken ct)
    {
        await webhooks.DeleteAsync(caller, ct);
        return TypedResults.NoContent();
    }
}
