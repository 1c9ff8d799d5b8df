using Microchat.Contracts;
using static Microchat.Server.Tests.Authorization.Rows;

namespace Microchat.Server.Tests.Authorization;

/// <summary>
/// Reactions, edit history and search. Reactions are put on and taken off a fresh message of the owner's, so the
/// shared messages never change; a removal row first has the caller react (where it may), so 204 means "removed".
/// Reads aim at the shared message, or at a message sent before anyone but the owner joined.
/// </summary>
internal static class FeatureRows
{
    private const string Emoji = "%F0%9F%91%8D"; // 👍, as a path segment

    private static async Task<string> FreshMessageAsync(MatrixCell c) =>
        $"chats/{c.Conference}/messages/{(await c.SendAsync(c.Owner, new SendMessageRequest("React to me"))).Id}";

    private static async Task<CellRequest> React(MatrixCell c) => new(HttpMethod.Put, $"{await FreshMessageAsync(c)}/reactions/{Emoji}");

    private static async Task<CellRequest> Unreact(MatrixCell c)
    {
        var reaction = $"{await FreshMessageAsync(c)}/reactions/{Emoji}";
        // The caller's own reaction first, where it may react at all; the row is about taking it off.
        using (await c.World.Api.SendAsync(new CellRequest(HttpMethod.Put, reaction), c.Caller?.Token)) { }
        return Delete(reaction);
    }

    private static CellRequest Reactors(MatrixCell c) => Get($"chats/{c.Conference}/messages/{c.Shared.MessageId}/reactions/{Emoji}");

    private static async Task<CellRequest> EarlyReactors(MatrixCell c)
    {
        var early = await c.FreshConferenceWithEarlyMessageAsync();
        return Get($"chats/{c.Conference}/messages/{early.Id}/reactions/{Emoji}");
    }

    private static CellRequest Versions(MatrixCell c) => Get($"chats/{c.Conference}/messages/{c.Shared.MessageId}/versions");

    private static async Task<CellRequest> EarlyVersions(MatrixCell c)
    {
        var early = await c.FreshConferenceWithEarlyMessageAsync();
        return Get($"chats/{c.Conference}/messages/{early.Id}/versions");
    }

    private static CellRequest SearchInChat(MatrixCell c) => Get($"search/messages?q=hello&chat={Uri.EscapeDataString(c.Conference)}");

    public static IEnumerable<MatrixRow> Private =>
    [
        Row("PUT /api/chats/{chat}/messages/{id}/reactions/{emoji}", "a fresh message of the owner's", React,
            new(Anonymous: 401, Stranger: 404, Member: 204, Admin: 204, Owner: 204, SiteAdministrator: 404, Bot: 204)),
        Row("DELETE /api/chats/{chat}/messages/{id}/reactions/{emoji}", "the caller's own reaction", Unreact,
            new(Anonymous: 401, Stranger: 404, Member: 204, Admin: 204, Owner: 204, SiteAdministrator: 404, Bot: 204)),
        Row("GET /api/chats/{chat}/messages/{id}/reactions/{emoji}", Reactors,
            new(Anonymous: 401, Stranger: 404, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 404, Bot: 200)),
        Row("GET /api/chats/{chat}/messages/{id}/reactions/{emoji}", "a message sent before the others joined", EarlyReactors,
            new(Anonymous: 401, Stranger: 404, Member: 404, Admin: 404, Owner: 200, SiteAdministrator: 404, Bot: 404)),
        Row("GET /api/chats/{chat}/messages/{id}/versions", Versions,
            new(Anonymous: 401, Stranger: 404, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 404, Bot: 200)),
        Row("GET /api/chats/{chat}/messages/{id}/versions", "a message sent before the others joined", EarlyVersions,
            new(Anonymous: 401, Stranger: 404, Member: 404, Admin: 404, Owner: 200, SiteAdministrator: 404, Bot: 404)),
        Row("GET /api/search/messages", "in the target conference", SearchInChat,
            new(Anonymous: 401, Stranger: 404, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 404, Bot: 200)),
        Row("GET /api/search/messages", "across the caller's chats", _ => Get("search/messages?q=hello"),
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
        Row("GET /api/search/chats", _ => Get("search/chats?q=matrix"),
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
    ];

    public static IEnumerable<MatrixRow> Public =>
    [
        Row("PUT /api/chats/{chat}/messages/{id}/reactions/{emoji}", "a fresh message of the owner's", React,
            new(Anonymous: 401, Stranger: 403, Member: 204, Admin: 204, Owner: 204, SiteAdministrator: 403, Bot: 204)),
        Row("DELETE /api/chats/{chat}/messages/{id}/reactions/{emoji}", "the caller's own reaction", Unreact,
            new(Anonymous: 401, Stranger: 403, Member: 204, Admin: 204, Owner: 204, SiteAdministrator: 403, Bot: 204)),
        Row("GET /api/chats/{chat}/messages/{id}/reactions/{emoji}", Reactors,
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
        Row("GET /api/chats/{chat}/messages/{id}/versions", "a message sent before the others joined", EarlyVersions,
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
        Row("GET /api/search/messages", "in the target conference", SearchInChat,
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
    ];
}
