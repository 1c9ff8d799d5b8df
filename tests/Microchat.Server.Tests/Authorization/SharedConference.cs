using System.Net;
using Microchat.Contracts;
using static Microchat.Server.Tests.Authorization.Rows;

namespace Microchat.Server.Tests.Authorization;

/// <summary>
/// A conference every cell may read and none changes: its "@alias", a text message, and one item of each gallery
/// (all from one message of the owner's, sent after everyone joined, so every member may read them).
/// </summary>
public sealed record SharedConference(string Ref, long MessageId, IReadOnlyDictionary<GalleryKind, long> Items)
{
    public const string Link = "https://example.com/matrix";

    public static async Task<SharedConference> CreateAsync(MatrixWorld world, bool isPrivate)
    {
        var conference = await world.CreateConferenceAsync(world.Owner, isPrivate);
        var text = await world.Api.CallAsync<Message>(Post($"chats/{conference}/messages", new SendMessageRequest("Hello")),
            world.Owner.Token, HttpStatusCode.Created);
        var media = world.Media;
        await world.Api.CallAsync<Message>(
            Post($"chats/{conference}/messages", new SendMessageRequest($"See {Link}", [media.Photo, media.Video, media.File, media.Audio, media.Animation])),
            world.Owner.Token, HttpStatusCode.Created);

        var items = new Dictionary<GalleryKind, long>();
        foreach (var kind in Enum.GetValues<GalleryKind>())
        {
            var gallery = await world.Api.CallAsync<List<GalleryItem>>(Get($"chats/{conference}/messages/{Segment(kind)}"),
                world.Owner.Token, HttpStatusCode.OK);
            items[kind] = gallery.Single().Id;
        }
        return new SharedConference(conference, text.Id, items);
    }

    /// <summary>A gallery's path segment: "photos", "links" …</summary>
    public static string Segment(GalleryKind kind) => kind.ToString().ToLowerInvariant();
}
