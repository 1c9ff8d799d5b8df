using System.Net;
using Microchat.Contracts;
using static Microchat.Server.Tests.Authorization.Rows;

namespace Microchat.Server.Tests.Authorization;

/// <summary>
/// Messages, galleries and read markers of the target conference. Reads aim at the shared conference's message
/// and items, or at a message sent before anyone but the owner joined (which a private conference's members may
/// not read: they read what was sent while they were members); edits and deletions at a fresh message of the plain member's, so the owner (who holds
/// <c>delete</c>) and the admin (who does not) are each someone other than the author.
/// </summary>
internal static class MessageRows
{
    private static CellRequest List(MatrixCell c) => Get($"chats/{c.Conference}/messages");

    private static CellRequest Send(MatrixCell c) => Post($"chats/{c.Conference}/messages", new SendMessageRequest("Matrix"));

    private static CellRequest GetOne(MatrixCell c) => Get($"chats/{c.Conference}/messages/{c.Shared.MessageId}");

    private static async Task<CellRequest> Edit(MatrixCell c) =>
        Patch($"chats/{c.Conference}/messages/{(await c.SendAsync(c.World.Member, new SendMessageRequest("Mine"))).Id}",
            new EditMessageRequest("Edited"));

    private static async Task<CellRequest> Remove(MatrixCell c) =>
        Delete($"chats/{c.Conference}/messages/{(await c.SendAsync(c.World.Member, new SendMessageRequest("Mine"))).Id}");

    // The fresh conference first: an interpolated path reads c.Conference before a later hole is awaited.
    private static async Task<CellRequest> GetEarly(MatrixCell c)
    {
        var early = await c.FreshConferenceWithEarlyMessageAsync();
        return Get($"chats/{c.Conference}/messages/{early.Id}");
    }

    private static async Task<CellRequest> GetEarlyPhoto(MatrixCell c)
    {
        var early = await c.FreshConferenceWithEarlyMessageAsync();
        return Get($"chats/{c.Conference}/messages/photos/{early.Attachments.Single().Id}");
    }

    private static CellRequest MarkRead(MatrixCell c) => Post($"chats/{c.Conference}/read", new MarkReadRequest(c.Shared.MessageId));

    private static CellRequest Typing(MatrixCell c) => new(HttpMethod.Post, $"chats/{c.Conference}/typing");

    public static IEnumerable<MatrixRow> Private =>
    [
        Row("GET /api/chats/{chat}/messages", List,
            new(Anonymous: 401, Stranger: 404, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 404, Bot: 200)),
        Row("POST /api/chats/{chat}/messages", Send,
            new(Anonymous: 401, Stranger: 404, Member: 201, Admin: 201, Owner: 201, SiteAdministrator: 404, Bot: 201)),
        Row("GET /api/chats/{chat}/messages/{id}", GetOne,
            new(Anonymous: 401, Stranger: 404, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 404, Bot: 200)),
        Row("GET /api/chats/{chat}/messages/{id}", "a message sent before the others joined", GetEarly,
            new(Anonymous: 401, Stranger: 404, Member: 404, Admin: 404, Owner: 200, SiteAdministrator: 404, Bot: 404)),
        Row("GET /api/chats/{chat}/messages/photos/{id}", "a photo sent before the others joined", GetEarlyPhoto,
            new(Anonymous: 401, Stranger: 404, Member: 404, Admin: 404, Owner: 200, SiteAdministrator: 404, Bot: 404)),
        Row("PATCH /api/chats/{chat}/messages/{id}", "the member's message", Edit,
            new(Anonymous: 401, Stranger: 404, Member: 200, Admin: 403, Owner: 403, SiteAdministrator: 404, Bot: 403)),
        Row("DELETE /api/chats/{chat}/messages/{id}", "the member's message", Remove,
            new(Anonymous: 401, Stranger: 404, Member: 204, Admin: 403, Owner: 204, SiteAdministrator: 404, Bot: 403)),
        Row("POST /api/chats/{chat}/read", MarkRead,
            new(Anonymous: 401, Stranger: 404, Member: 204, Admin: 204, Owner: 204, SiteAdministrator: 404, Bot: 204)),
        Row("POST /api/chats/{chat}/typing", Typing,
            new(Anonymous: 401, Stranger: 404, Member: 204, Admin: 204, Owner: 204, SiteAdministrator: 404, Bot: 204)),
        .. Enum.GetValues<GalleryKind>().SelectMany(kind => Gallery(kind,
            read: new(Anonymous: 401, Stranger: 404, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 404, Bot: 200),
            remove: new(Anonymous: 401, Stranger: 404, Member: 204, Admin: 403, Owner: 204, SiteAdministrator: 404, Bot: 403))),
    ];

    public static IEnumerable<MatrixRow> Public =>
    [
        Row("GET /api/chats/{chat}/messages", List,
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
        Row("POST /api/chats/{chat}/messages", Send,
            new(Anonymous: 401, Stranger: 403, Member: 201, Admin: 201, Owner: 201, SiteAdministrator: 403, Bot: 201)),
        Row("GET /api/chats/{chat}/messages/{id}", GetOne,
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
        Row("GET /api/chats/{chat}/messages/{id}", "a message sent before the others joined", GetEarly,
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
        Row("GET /api/chats/{chat}/messages/photos/{id}", "a photo sent before the others joined", GetEarlyPhoto,
            new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200)),
        Row("PATCH /api/chats/{chat}/messages/{id}", "the member's message", Edit,
            new(Anonymous: 401, Stranger: 403, Member: 200, Admin: 403, Owner: 403, SiteAdministrator: 403, Bot: 403)),
        Row("DELETE /api/chats/{chat}/messages/{id}", "the member's message", Remove,
            new(Anonymous: 401, Stranger: 403, Member: 204, Admin: 403, Owner: 204, SiteAdministrator: 403, Bot: 403)),
        Row("POST /api/chats/{chat}/read", MarkRead,
            new(Anonymous: 401, Stranger: 403, Member: 204, Admin: 204, Owner: 204, SiteAdministrator: 403, Bot: 204)),
        Row("POST /api/chats/{chat}/typing", Typing,
            new(Anonymous: 401, Stranger: 403, Member: 204, Admin: 204, Owner: 204, SiteAdministrator: 403, Bot: 204)),
        .. Enum.GetValues<GalleryKind>().SelectMany(kind => Gallery(kind,
            read: new(Anonymous: 401, Stranger: 200, Member: 200, Admin: 200, Owner: 200, SiteAdministrator: 200, Bot: 200),
            remove: new(Anonymous: 401, Stranger: 403, Member: 204, Admin: 403, Owner: 204, SiteAdministrator: 403, Bot: 403))),
    ];

    /// <summary>A gallery's three rows: its list, one item, and removing an item of the member's.</summary>
    private static IEnumerable<MatrixRow> Gallery(GalleryKind kind, Expect read, Expect remove)
    {
        var segment = SharedConference.Segment(kind);
        return
        [
            Row($"GET /api/chats/{{chat}}/messages/{segment}", c => Get($"chats/{c.Conference}/messages/{segment}"), read),
            Row($"GET /api/chats/{{chat}}/messages/{segment}/{{id}}", c => Get($"chats/{c.Conference}/messages/{segment}/{c.Shared.Items[kind]}"), read),
            Row($"DELETE /api/chats/{{chat}}/messages/{segment}/{{id}}", "the member's item",
                async c => Delete($"chats/{c.Conference}/messages/{segment}/{await MembersItemAsync(c, kind)}"), remove),
        ];
    }

    // The member sends a message holding one item of this gallery; the item's id is found through the gallery itself.
    private static async Task<long> MembersItemAsync(MatrixCell c, GalleryKind kind)
    {
        var member = c.World.Member;
        var media = c.World.Media.Of(kind);
        var message = await c.SendAsync(member, media is null
            ? new SendMessageRequest($"Mine: {SharedConference.Link}")
            : new SendMessageRequest("Mine", [media]));
        var gallery = await c.World.Api.CallAsync<List<GalleryItem>>(
            Get($"chats/{c.Conference}/messages/{SharedConference.Segment(kind)}?count=100"), member.Token, HttpStatusCode.OK);
        return gallery.First(item => item.MessageId == message.Id).Id;
    }
}
