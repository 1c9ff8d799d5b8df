using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Uploading and downloading media. Implemented by <see cref="MediaClient"/>; mock it in tests.</summary>
public interface IMediaClient
{
    /// <summary>Uploads bytes as the raw body (<c>POST /media</c>); the stream is read, not disposed.</summary>
    Task<Media> UploadAsync(Stream content, string contentType, string? name = null, CancellationToken cancellationToken = default);

    /// <summary>Uploads a file as <c>multipart/form-data</c> with one <c>file</c> part; the stream is read, not disposed.</summary>
    Task<Media> UploadFileAsync(Stream content, string fileName, string contentType = "application/octet-stream",
        CancellationToken cancellationToken = default);

    /// <summary>Describes an uploaded file (<c>GET /media/{id}</c>).</summary>
    Task<Media> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Downloads a file's bytes into memory (<c>GET /media/{id}/content</c>).</summary>
    Task<MediaDownload> DownloadAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Downloads bytes <paramref name="from"/> to <paramref name="to"/> (inclusive; null: to the end) of a file.</summary>
    Task<MediaDownload> DownloadRangeAsync(string id, long from, long? to = null, CancellationToken cancellationToken = default);

    /// <summary>Opens a file's bytes as a stream read straight from the connection; dispose the result to close it.</summary>
    Task<MediaStream> OpenReadAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The absolute address of a file's bytes, optionally carrying the token for an <c>&lt;img&gt;</c> or a player.</summary>
    Uri ContentUri(string id, bool includeAccessToken = false);
}
