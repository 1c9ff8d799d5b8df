using System.Security.Cryptography;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;

namespace Microchat.Server.Tests.Messages;

/// <summary>Uploads for attachment tests, through the typed client.</summary>
public static class TestMedia
{
    /// <summary>Uploads a small file of this kind as <paramref name="uploader"/> and returns its media id.</summary>
    public static async Task<string> CreateMediaAsync(this MicrochatHost host, SignedIn uploader, MediaKind kind = MediaKind.Photo)
    {
        _ = host;
        // Images are checked by their first bytes; random bytes after them keep every upload distinct.
        var (type, name, magic) = kind switch
        {
            MediaKind.Photo => ("image/png", "photo.png", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }),
            MediaKind.Animation => ("image/gif", "funny.gif", "GIF89a"u8.ToArray()),
            MediaKind.Video => ("video/mp4", "clip.mp4", []),
            MediaKind.Audio => ("audio/ogg", "voice.ogg", []),
            _ => ("application/pdf", "paper.pdf", "%PDF-1.7\n"u8.ToArray()),
        };
        using var content = new MemoryStream([.. magic, .. RandomNumberGenerator.GetBytes(64)]);

        var media = await uploader.Client.Media.UploadAsync(content, type, name);

        if (media.Kind != kind) throw new InvalidOperationException($"Uploaded a {kind}, the server says {media.Kind}.");
        return media.Id;
    }
}
