using System.Net;
using Microchat.Contracts;
using static Microchat.Server.Tests.Authorization.Rows;

namespace Microchat.Server.Tests.Authorization;

/// <summary><c>GET /api/me</c> (anyone signed in) and a bot's webhook (bots only; each cell on a fresh bot, so the shared bot keeps its stream).</summary>
internal static class MeRows
{
    // A public address literal: passes the SSRF check without DNS; deliveries to it simply fail in the background.
    private static readonly SetWebhookRequest Hook = new("https://192.0.2.10/hook", "a-secret-of-sixteen-or-more");

    public static IEnumerable<MatrixRow> All =>
    [
        Row("GET /api/me", _ => Get("me"),
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
        Row("PUT /api/me/webhook", async c =>
            {
                await c.FreshBotAsync();
                return new CellRequest(HttpMethod.Put, "me/webhook", Json(Hook));
            },
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 403, SiteAdministrator: 403, Bot: 200)),
        Row("GET /api/me/webhook", "a bot with a webhook", async c =>
            {
                var bot = await c.FreshBotAsync();
                await c.World.Api.CallAsync<WebhookState>(new CellRequest(HttpMethod.Put, "me/webhook", Json(Hook)), bot.Token, HttpStatusCode.OK);
                return Get("me/webhook");
            },
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 403, SiteAdministrator: 403, Bot: 200)),
        Row("GET /api/me/webhook", "a bot without one", async c =>
            {
                await c.FreshBotAsync();
                return Get("me/webhook");
            },
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 403, SiteAdministrator: 403, Bot: 404)),
        Row("DELETE /api/me/webhook", "a bot with a webhook", async c =>
            {
                var bot = await c.FreshBotAsync();
                await c.World.Api.CallAsync<WebhookState>(new CellRequest(HttpMethod.Put, "me/webhook", Json(Hook)), bot.Token, HttpStatusCode.OK);
                return Delete("me/webhook");
            },
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 403, SiteAdministrator: 403, Bot: 204)),
    ];
}
