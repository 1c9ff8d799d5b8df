using Microchat.Contracts;
using static Microchat.Server.Tests.Authorization.Rows;

namespace Microchat.Server.Tests.Authorization;

/// <summary>
/// A conference's default permissions, its members and their permissions. The member rows aim at
/// <see cref="MatrixWorld.Other"/>, a plain member nobody else is; adding aims at <see cref="MatrixWorld.Outsider"/>.
/// </summary>
internal static class MemberRows
{
    private static CellRequest GetDefaults(MatrixCell c) => Get($"chats/{c.Conference}/permissions");

    private static async Task<CellRequest> PatchDefaults(MatrixCell c) =>
        Patch($"chats/{await c.FreshConferenceAsync()}/permissions", new PermissionsPatch(SendMedia: false));

    private static CellRequest List(MatrixCell c) => Get($"chats/{c.Conference}/members");

    private static async Task<CellRequest> AddAnother(MatrixCell c) =>
        Post($"chats/{await c.FreshConferenceAsync()}/members", new AddMemberRequest(Alias: c.World.Outsider.Alias));

    private static async Task<CellRequest> AddSelf(MatrixCell c) =>
        Post($"chats/{await c.FreshConferenceAsync()}/members", new AddMemberRequest(Alias: c.Self.Alias));

    private static CellRequest GetOther(MatrixCell c) => Get($"chats/{c.Conference}/members/{c.World.Other.Ref}");

    private static async Task<CellRequest> RemoveOther(MatrixCell c) =>
        Delete($"chats/{await c.FreshConferenceAsync()}/members/{c.World.Other.Ref}");

    private static async Task<CellRequest> Leave(MatrixCell c) =>
        Delete($"chats/{await c.FreshConferenceAsync()}/members/{c.Self.Ref}");

    private static CellRequest GetOthersPermissions(MatrixCell c) => Get($"chats/{c.Conference}/members/{c.World.Other.Ref}/permissions");

    private static async Task<CellRequest> PatchOthersPermissions(MatrixCell c) =>
        Patch($"chats/{await c.FreshConferenceAsync()}/members/{c.World.Other.Ref}/permissions", new PermissionsPatch(Send: false));

    private static Func<MatrixCell, Task<CellRequest>> PatchPermissions(Func<MatrixCell, Actor> member, PermissionsPatch patch) => async c =>
    {
        var conference = await c.FreshConferenceAsync();
        return Patch($"chats/{conference}/members/{member(c).Ref}/permissions", patch);
    };

    public static IEnumerable<MatrixRow> Private =>
    [
        Row("GET /api/chats/{chat}/permissions", GetDefaults,
            new(Anonymous: 401, Stranger: 404, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 404, Bot: 200)),
        Row("GET /api/chats/{chat}/permissions", "a dialog with the owner (only conferences have defaults)",
            c => Get($"chats/{c.Owner.Ref}/permissions"),
            new(Anonymous: 401, Stranger: 404, Member: 404, Admin: 404, Owner: 404, SiteAdministrator: 404, Bot: 404)),
        Row("PATCH /api/chats/{chat}/permissions", PatchDefaults,
            new(Anonymous: 401, Stranger: 404, Member: 403, Admin: 403, Owner: 200, SiteAdministrator: 404, Bot: 403)),
        Row("GET /api/chats/{chat}/members", List,
            new(Anonymous: 401, Stranger: 404, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 404, Bot: 200)),
        Row("GET /api/chats/{chat}/members", "a dialog with the owner (only conferences have members)",
            c => Get($"chats/{c.Owner.Ref}/members"),
            new(Anonymous: 401, Stranger: 404, Member: 404, Admin: 404, Owner: 404, SiteAdministrator: 404, Bot: 404)),
        Row("POST /api/chats/{chat}/members", "another user", AddAnother,
            new(Anonymous: 401, Stranger: 404, Member: 403, Admin: 403, Owner: 201, SiteAdministrator: 404, Bot: 403)),
        Row("POST /api/chats/{chat}/members", "oneself (joining)", AddSelf,
            new(Anonymous: 401, Stranger: 404, Member: 409, Admin: 409, Owner: 409, SiteAdministrator: 404, Bot: 409)),
        Row("GET /api/chats/{chat}/members/{member}", GetOther,
            new(Anonymous: 401, Stranger: 404, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 404, Bot: 200)),
        Row("DELETE /api/chats/{chat}/members/{member}", "another plain member", RemoveOther,
            new(Anonymous: 401, Stranger: 404, Member: 403, Admin: 403, Owner: 204, SiteAdministrator: 404, Bot: 403)),
        Row("DELETE /api/chats/{chat}/members/{member}", "oneself (leaving)", Leave,
            new(Anonymous: 401, Stranger: 404, Member: 204, Admin: 204, Owner: 403, SiteAdministrator: 404, Bot: 204)),
        Row("GET /api/chats/{chat}/members/{member}/permissions", GetOthersPermissions,
            new(Anonymous: 401, Stranger: 404, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 404, Bot: 200)),
        Row("PATCH /api/chats/{chat}/members/{member}/permissions", PatchOthersPermissions,
            new(Anonymous: 401, Stranger: 404, Member: 403, Admin: 200, Owner: 200, SiteAdministrator: 404, Bot: 403)),
        Row("PATCH /api/chats/{chat}/members/{member}/permissions", "granting admin to another plain member",
            PatchPermissions(c => c.World.Other, new PermissionsPatch(Admin: true)),
            new(Anonymous: 401, Stranger: 404, Member: 403, Admin: 403, Owner: 200, SiteAdministrator: 404, Bot: 403)),
        Row("PATCH /api/chats/{chat}/members/{member}/permissions", "the admin (its own, for the admin)",
            PatchPermissions(c => c.World.Admin, new PermissionsPatch(Send: false)),
            new(Anonymous: 401, Stranger: 404, Member: 403, Admin: 403, Owner: 200, SiteAdministrator: 404, Bot: 403)),
        Row("PATCH /api/chats/{chat}/members/{member}/permissions", "the owner",
            PatchPermissions(c => c.Owner, new PermissionsPatch(Send: false)),
            new(Anonymous: 401, Stranger: 404, Member: 403, Admin: 403, Owner: 403, SiteAdministrator: 404, Bot: 403)),
        Row("DELETE /api/chats/{chat}/members/{member}", "the owner (itself, for the owner)",
            async c => Delete($"chats/{await c.FreshConferenceAsync()}/members/{c.Owner.Ref}"),
            new(Anonymous: 401, Stranger: 404, Member: 403, Admin: 403, Owner: 403, SiteAdministrator: 404, Bot: 403)),
    ];

    public static IEnumerable<MatrixRow> Public =>
    [
        Row("GET /api/chats/{chat}/permissions", GetDefaults,
            new(Anonymous: 401, Stranger: 403, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 403, Bot: 200)),
        Row("PATCH /api/chats/{chat}/permissions", PatchDefaults,
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 200, SiteAdministrator: 403, Bot: 403)),
        Row("GET /api/chats/{chat}/members", List,
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
        Row("POST /api/chats/{chat}/members", "another user", AddAnother,
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 201, SiteAdministrator: 403, Bot: 403)),
        Row("POST /api/chats/{chat}/members", "oneself (joining)", AddSelf,
            new(Anonymous: 401, Stranger: 201, Member: 409, Admin: 409, Owner: 409, SiteAdministrator: 201, Bot: 409)),
        Row("GET /api/chats/{chat}/members/{member}", GetOther,
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
        Row("DELETE /api/chats/{chat}/members/{member}", "another plain member", RemoveOther,
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 403, Owner: 204, SiteAdministrator: 403, Bot: 403)),
        Row("DELETE /api/chats/{chat}/members/{member}", "oneself (leaving)", Leave,
            new(Anonymous: 401, Stranger: 404, Member: 204, Admin: 204, Owner: 403, SiteAdministrator: 404, Bot: 204)),
        Row("GET /api/chats/{chat}/members/{member}/permissions", GetOthersPermissions,
            new(Anonymous: 401, Stranger: 403, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 403, Bot: 200)),
        Row("PATCH /api/chats/{chat}/members/{member}/permissions", PatchOthersPermissions,
            new(Anonymous: 401, Stranger: 403, Member: 403, Admin: 200, Owner: 200, SiteAdministrator: 403, Bot: 403)),
    ];
}
