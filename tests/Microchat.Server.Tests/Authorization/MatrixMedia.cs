using System.Net;
using Microchat.Contracts;

namespace Microchat.Server.Tests.Authorization;

/// <summary>One upload of each kind, by their ids.</summary>
public sealed record MatrixMedia(string Photo, string Animation, string Video, string Audio, string File)
{
    /// <summary>Bytes a PNG begins with: enough for the server to take them for a photo.</summary>
    public static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    public static readonly byte[] Gif = "GIF89a\u0001\0\u0001\0\0\0\0;"u8.ToArray();

    public static readonly byte[] Other = "matrix bytes"u8.ToArray();

    public static async Task<MatrixMedia> UploadAsync(MatrixApi api, Actor owner)
    {
        async Task<string> UploadAsync(byte[] bytes, string type) =>
            (await api.CallAsync<Contracts.Media>(new CellRequest(HttpMethod.Post, "media", MatrixWorld.Bytes(bytes, type)), owner.Token,
                HttpStatusCode.Created)).Id;

        return new MatrixMedia(
            await UploadAsync(Png, "image/png"),
            await UploadAsync(Gif, "image/gif"),
            await UploadAsync(Other, "video/mp4"),
            await UploadAsync(Other, "audio/mpeg"),
            await UploadAsync(Other, "application/pdf"));
    }

    /// <summary>The upload of a gallery's kind (links have none).</summary>
    public string? Of(GalleryKind kind) => kind switch
    {
        GalleryKind.Photos => Photo,
        GalleryKind.Animations => Animation,
        GalleryKind.Videos => Video,
        GalleryKind.Audios => Audio,
        GalleryKind.Files => File,
        _ => null,
    };
}
