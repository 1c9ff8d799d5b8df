using System.Net;
using Microchat.Contracts;
using static Microchat.Server.Tests.Authorization.Rows;

namespace Microchat.Server.Tests.Authorization;

/// <summary>
/// Uploads, which any authenticated caller may make and read, and contacts, which are each user's own: the contact
/// rows aim at <see cref="MatrixWorld.Pal"/>, who is in the owner's contacts only.
/// </summary>
internal static class MediaAndContactRows
{
    private static async Task<CellRequest> WithFreshContact(MatrixCell c, Func<string, CellRequest> request)
    {
        var owner = await c.FreshOwnerAsync();
        await c.World.Api.CallAsync(Post("contacts", new AddContactRequest(c.World.Pal.Alias)), owner.Token, HttpStatusCode.Created);
        return request($"contacts/{c.World.Pal.Ref}");
    }

    public static IEnumerable<MatrixRow> All =>
    [
        Row("POST /api/media", _ => new CellRequest(HttpMethod.Post, "media", MatrixWorld.Bytes(MatrixMedia.Other, "text/plain")),
            new(Anonymous: 401, Stranger: 201, Member: 201, Admin: 201, Owner: 201, SiteAdministrator: 201, Bot: 201)),
        Row("GET /api/media/{id}", "the owner's upload", c => Get($"media/{c.World.Media.Photo}"),
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
        Row("GET /api/media/{id}/content", "the owner's upload", c => Get($"media/{c.World.Media.Photo}/content"),
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),

        Row("GET /api/contacts", _ => Get("contacts"),
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 403)),
        Row("POST /api/contacts", c => Post("contacts", new AddContactRequest(c.World.Outsider.Alias)),
            new(Anonymous: 401, Stranger: 201, Member: 201, Admin: 201, Owner: 201, SiteAdministrator: 201, Bot: 403)),
        Row("GET /api/contacts/{contact}", "the owner's contact", c => Get($"contacts/{c.World.Pal.Ref}"),
            new(Anonymous: 401, Stranger: 404, Member: 404, Admin: 404, Owner: 200, SiteAdministrator: 404, Bot: 403)),
        Row("PATCH /api/contacts/{contact}", "the owner's contact",
            c => WithFreshContact(c, path => Patch(path, new UpdateContactRequest(Name: "Renamed"))),
            new(Anonymous: 401, Stranger: 404, Member: 404, Admin: 404, Owner: 200, SiteAdministrator: 404, Bot: 403)),
        Row("DELETE /api/contacts/{contact}", "the owner's contact", c => WithFreshContact(c, Delete),
            new(Anonymous: 401, Stranger: 404, Member: 404, Admin: 404, Owner: 204, SiteAdministrator: 404, Bot: 403)),
    ];
}
