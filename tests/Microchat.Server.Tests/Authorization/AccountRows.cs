using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using static Microchat.Server.Tests.Authorization.Rows;

namespace Microchat.Server.Tests.Authorization;

/// <summary>Accounts, tokens, bots and creating conferences: endpoints whose target is the caller itself.</summary>
internal static class AccountRows
{
    public static IEnumerable<MatrixRow> All =>
    [
        Row("POST /api/users", c => Post("users", new RegisterUserRequest(c.World.NewAlias("new"), TestUsers.Password, "New")),
            new(Anonymous: 201, Stranger: 201, Member: 201, Admin: 201, Owner: 201, SiteAdministrator: 201, Bot: 201)),
        Row("POST /api/auth/tokens", c => Post("auth/tokens", new CreateTokenRequest(c.World.Outsider.Alias, TestUsers.Password, "matrix")),
            new(Anonymous: 201, Stranger: 201, Member: 201, Admin: 201, Owner: 201, SiteAdministrator: 201, Bot: 201)),
        Row("POST /api/auth/tokens", "the bot's alias with a password", c => Post("auth/tokens", new CreateTokenRequest(c.World.Bot.Alias, TestUsers.Password)),
            new(Anonymous: 401, Stranger: 401, Member: 401, Admin: 401, Owner: 401, SiteAdministrator: 401, Bot: 401)),
        Row("GET /api/auth/tokens", _ => Get("auth/tokens"),
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 403)),
        Row("DELETE /api/auth/tokens/{id}", "another of the owner's tokens", async c =>
            {
                var token = await c.World.Api.CallAsync<CreatedToken>(
                    Post("auth/tokens", new CreateTokenRequest(c.Owner.Alias, TestUsers.Password, "spare")), null, HttpStatusCode.Created);
                return Delete($"auth/tokens/{token.Id}");
            },
            new(Anonymous: 401, Stranger: 404, Member: 404, Admin: 404, Owner: 204, SiteAdministrator: 404, Bot: 403)),
        Row("POST /api/bots", c => Post("bots", new CreateBotRequest(c.World.NewAlias("newbot"), "New bot")),
            new(Anonymous: 401, Stranger: 201, Member: 201, Admin: 201, Owner: 201, SiteAdministrator: 201, Bot: 403)),
        Row("POST /api/conferences", c => Post("conferences", new CreateConferenceRequest(c.World.NewAlias("newconf"), "New conference", null, true)),
            new(Anonymous: 401, Stranger: 201, Member: 201, Admin: 201, Owner: 201, SiteAdministrator: 201, Bot: 403)),
    ];
}
