using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;

namespace Microchat.Server.Tests.Messages;

/// <summary>
/// Uploads for attachment tests, through <c>POST /api/media</c> (the typed client's upload method
/// belongs to the media area; switch to it once it is on main).
/// </summary>
public static class TestMedia
{
    /// <summary>Uploads a small file of this kind as <paramref name="uploader"/> and returns its media id.</summary>
    public static async Task<string> CreateMediaAsync(this MicrochatHost host, SignedIn uploader, MediaKind kind = MediaKind.Photo)
    {
        // Images are checked by their first bytes; random bytes after them keep every upload distinct.
        var (type, name, magic) = kind switch
        {
            MediaKind.Photo => ("image/png", "photo.png", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }),
            MediaKind.Animation => ("image/gif", "funny.gif", "GIF89a"u8.ToArray()),
            MediaKind.Video => ("video/mp4", "clip.mp4", []),
            MediaKind.Audio => ("audio/ogg", "voice.ogg", []),
            _ => ("application/pdf", "paper.pdf", "%PDF-1.7\n"u8.ToArray()),
        };
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", uploader.Client.Token);
        using var content = new ByteArrayContent([.. magic, .. RandomNumberGenerator.GetBytes(64)]);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);

        using var response = await http.PostAsync($"media?name={name}", content);
        response.EnsureSuccessStatusCode();
        var media = await response.Content.ReadFromJsonAsync<Media>(MicrochatJson.Options);
        if (media?.Kind != kind) throw new InvalidOperationException($"Uploaded a {kind}, the server says {media?.Kind}.");
        return media.Id;
    }
}
