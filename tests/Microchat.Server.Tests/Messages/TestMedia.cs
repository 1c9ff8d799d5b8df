using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Server.Tests.Messages;

/// <summary>
/// Media records for attachment tests, written through the host's store until the upload
/// endpoint exists; the one place to switch to the client then.
/// </summary>
public static class TestMedia
{
    /// <summary>Creates a media of this kind uploaded by <paramref name="uploader"/> and returns its id.</summary>
    public static async Task<string> CreateMediaAsync(this MicrochatHost host, SignedIn uploader, MediaKind kind = MediaKind.Photo)
    {
        var (type, name) = kind switch
        {
            MediaKind.Photo => ("image/png", "photo.png"),
            MediaKind.Video => ("video/mp4", "clip.mp4"),
            MediaKind.Audio => ("audio/ogg", "voice.ogg"),
            MediaKind.Animation => ("image/gif", "funny.gif"),
            _ => ("application/pdf", "paper.pdf"),
        };
        var id = Guid.NewGuid().ToString("N");
        await host.Services.GetRequiredService<IMediaStore>().CreateAsync(new MediaRecord
        {
            Id = id,
            UploaderId = uploader.Id,
            Name = name,
            ContentType = type,
            Size = 1234,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray())),
            Kind = kind,
            CreatedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        return id;
    }
}
