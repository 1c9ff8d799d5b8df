using Microchat.Contracts;
using static Microchat.Server.Tests.Authorization.Rows;

namespace Microchat.Server.Tests.Authorization;

/// <summary>Avatars of a conference, of the owner and of the owner's bot.</summary>
internal static class AvatarRows
{
    private static CellRequest List(MatrixCell c) => Get($"chats/{c.Conference}/avatars");

    private static async Task<CellRequest> SetOnConference(MatrixCell c) =>
        Post($"chats/{await c.FreshConferenceAsync()}/avatars", new SetAvatarRequest(c.World.Media.Photo));

    private static async Task<CellRequest> DeleteFromConference(MatrixCell c)
    {
        var conference = await c.FreshConferenceAsync();
        return Delete($"chats/{conference}/avatars/{await c.World.SetAvatarAsync(c.Owner, conference)}");
    }

    public static IEnumerable<MatrixRow> Private =>
    [
        Row("GET /api/chats/{chat}/avatars", List,
            new(Anonymous: 401, Stranger: 404, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 404, Bot: 200)),
        Row("POST /api/chats/{chat}/avatars", SetOnConference,
            new(Anonymous: 401, Stranger: 404, Member: 403, Admin: 403, Owner: 201, SiteAdministrator: 404, Bot: 403)),
        Row("POST /api/chats/{chat}/avatars", "the owner's profile",
            async c => Post($"chats/{(await c.FreshOwnerAsync()).Ref}/avatars", new SetAvatarRequest(c.World.Media.Photo)),
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 201, SiteAdministrator: 403, Bot: 403)),
        Row("POST /api/chats/{chat}/avatars", "the owner's bot (the bot calls as itself)",
            async c => Post($"chats/{(await c.FreshBotAsync()).Ref}/avatars", new SetAvatarRequest(c.World.Media.Photo)),
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 201, SiteAdministrator: 403, Bot: 403)),
        Row("DELETE /api/chats/{chat}/avatars/{id}", DeleteFromConference,
            new(Anonymous: 401, Stranger: 404, Member: 403, Admin: 403, Owner: 204, SiteAdministrator: 204, Bot: 403)),
        Row("DELETE /api/chats/{chat}/avatars/{id}", "the owner's profile", async c =>
            {
                var owner = await c.FreshOwnerAsync();
                return Delete($"chats/{owner.Ref}/avatars/{await c.World.SetAvatarAsync(owner, owner.Ref)}");
            },
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 204, SiteAdministrator: 204, Bot: 403)),
    ];

    public static IEnumerable<MatrixRow> Public =>
    [
        Row("GET /api/chats/{chat}/avatars", List,
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
        Row("POST /api/chats/{chat}/avatars", SetOnConference,
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 201, SiteAdministrator: 403, Bot: 403)),
        Row("DELETE /api/chats/{chat}/avatars/{id}", DeleteFromConference,
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 204, SiteAdministrator: 204, Bot: 403)),
    ];
}
