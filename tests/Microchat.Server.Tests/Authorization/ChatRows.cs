using Microchat.Contracts;
using static Microchat.Server.Tests.Authorization.Rows;

namespace Microchat.Server.Tests.Authorization;

/// <summary>A chat's details: reading, editing and deleting a conference, a user's profile and a bot.</summary>
internal static class ChatRows
{
    private static CellRequest GetConference(MatrixCell c) => Get($"chats/{c.Conference}");

    private static async Task<CellRequest> RenameConference(MatrixCell c) =>
        Patch($"chats/{await c.FreshConferenceAsync()}", new UpdateChatRequest(Title: "Renamed"));

    private static async Task<CellRequest> DeleteConference(MatrixCell c) => Delete($"chats/{await c.FreshConferenceAsync()}");

    public static IEnumerable<MatrixRow> Private =>
    [
        Row("GET /api/chats", _ => Get("chats"),
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
        Row("GET /api/chats/{chat}", GetConference,
            new(Anonymous: 401, Stranger: 404, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 404, Bot: 200)),
        Row("GET /api/chats/{chat}", "the owner's profile", c => Get($"chats/{c.Owner.Ref}"),
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
        Row("PATCH /api/chats/{chat}", RenameConference,
            new(Anonymous: 401, Stranger: 404, Member: 403, Admin: 403, Owner: 200, SiteAdministrator: 404, Bot: 403)),
        Row("PATCH /api/chats/{chat}", "the owner's profile",
            async c => Patch($"chats/{(await c.FreshOwnerAsync()).Ref}", new UpdateChatRequest(Bio: "Edited")),
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 200, SiteAdministrator: 403, Bot: 403)),
        Row("PATCH /api/chats/{chat}", "the owner's bot (the bot calls as itself)",
            async c => Patch($"chats/{(await c.FreshBotAsync()).Ref}", new UpdateChatRequest(Title: "Renamed bot")),
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 200, SiteAdministrator: 403, Bot: 403)),
        Row("DELETE /api/chats/{chat}", DeleteConference,
            new(Anonymous: 401, Stranger: 404, Member: 403, Admin: 403, Owner: 204, SiteAdministrator: 204, Bot: 403)),
        Row("DELETE /api/chats/{chat}", "the owner's account (the owner deletes itself)",
            async c => Delete($"chats/{(await c.FreshOwnerAsync()).Ref}"),
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 204, SiteAdministrator: 204, Bot: 403)),
        Row("DELETE /api/chats/{chat}", "the owner's bot (the bot calls as itself)",
            async c => Delete($"chats/{(await c.FreshBotAsync()).Ref}"),
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 204, SiteAdministrator: 204, Bot: 403)),
    ];

    public static IEnumerable<MatrixRow> Public =>
    [
        Row("GET /api/chats/{chat}", GetConference,
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
        Row("PATCH /api/chats/{chat}", RenameConference,
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 200, SiteAdministrator: 403, Bot: 403)),
        Row("DELETE /api/chats/{chat}", DeleteConference,
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 204, SiteAdministrator: 204, Bot: 403)),
    ];
}
