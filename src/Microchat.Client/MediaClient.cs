using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Uploading and downloading media.</summary>
public sealed partial class MediaClient : IMediaClient
{
    private readonly MicrochatTransport _transport;

    internal MediaClient(MicrochatTransport transport) => _transport = transport;

    /// <summary>Uploads bytes as the raw body (<c>POST /media</c>); the stream is read, not disposed.</summary>
    public Task<Media> UploadAsync(Stream content, string contentType, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var start = content.CanSeek ? content.Position : 0;
        HttpContent Body()
        {
            Rewind(content, start);
            var body = new UploadContent(content);
            // Unvalidated, so the server is the one judge of a type.
            body.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return body;
        }
        return SendUploadAsync(MicrochatTransport.Query("media", ("name", name)), Body, content.CanSeek, cancellationToken);
    }

    /// <summary>Uploads a file as <c>multipart/form-data</c> with one <c>file</c> part; the stream is read, not disposed.</summary>
    public Task<Media> UploadFileAsync(Stream content, string fileName, string contentType = "application/octet-stream",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var start = content.CanSeek ? content.Position : 0;
        HttpContent Form()
        {
            Rewind(content, start);
            var part = new UploadContent(content);
            part.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return new MultipartFormDataContent { { part, "file", fileName } };
        }
        return SendUploadAsync("media", Form, content.CanSeek, cancellationToken);
    }

    /// <summary>Describes an uploaded file (<c>GET /media/{id}</c>).</summary>
    public Task<Media> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<Media>($"media/{MicrochatTransport.Ref(id)}", cancellationToken);

    /// <summary>Downloads a file's bytes into memory (<c>GET /media/{id}/content</c>); prefer <see cref="OpenReadAsync"/> for large files.</summary>
    public Task<MediaDownload> DownloadAsync(string id, CancellationToken cancellationToken = default) =>
        DownloadAsync(id, null, cancellationToken);

    /// <summary>Downloads bytes <paramref name="from"/> to <paramref name="to"/> (inclusive; null: to the end) of a file.</summary>
    public Task<MediaDownload> DownloadRangeAsync(string id, long from, long? to = null, CancellationToken cancellationToken = default) =>
        DownloadAsync(id, new RangeHeaderValue(from, to), cancellationToken);

    /// <summary>Opens a file's bytes as a stream read straight from the connection; dispose the result to close it.</summary>
    public async Task<MediaStream> OpenReadAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await SendDownloadAsync(id, null, cancellationToken);
        try
        {
            var headers = response.Content.Headers;
            return new MediaStream(response, await response.Content.ReadAsStreamAsync(cancellationToken),
                headers.ContentType?.MediaType ?? "application/octet-stream", FileName(headers), headers.ContentLength);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The absolute address of a file's bytes, optionally carrying the token for an <c>&lt;img&gt;</c> or a player.</summary>
    public Uri ContentUri(string id, bool includeAccessToken = false) =>
        _transport.Address(MicrochatTransport.Query($"media/{MicrochatTransport.Ref(id)}/content",
            ("access_token", includeAccessToken ? _transport.Token : null)));

    // "Expect: 100-continue" lets the server refuse an upload (413, 401 …) before the body is sent.
    private Task<Media> SendUploadAsync(string path, Func<HttpContent> body, bool replayable, CancellationToken ct) =>
        _transport.SendAsync<Media>(new MicrochatRequest(HttpMethod.Post, path, body, replayable)
        {
            Configure = request => request.Headers.ExpectContinue = true,
        }, ct);

    private static void Rewind(Stream content, long start)
    {
        if (content.CanSeek) content.Position = start;
    }

    private Task<HttpResponseMessage> SendDownloadAsync(string id, RangeHeaderValue? range, CancellationToken ct) =>
        _transport.SendRawAsync(new MicrochatRequest(HttpMethod.Get, $"media/{MicrochatTransport.Ref(id)}/content")
        {
            Completion = HttpCompletionOption.ResponseHeadersRead,
            Configure = request => request.Headers.Range = range,
        }, ct);

    private async Task<MediaDownload> DownloadAsync(string id, RangeHeaderValue? range, CancellationToken ct)
    {
        using var response = await SendDownloadAsync(id, range, ct);
        var headers = response.Content.Headers;
        return new MediaDownload(
            await response.Content.ReadAsByteArrayAsync(ct),
            headers.ContentType?.MediaType ?? "application/octet-stream",
            FileName(headers),
            headers.ContentDisposition?.DispositionType == "attachment",
            response.Headers.ETag?.Tag,
            response.StatusCode == HttpStatusCode.PartialContent ? headers.ContentRange : null);
    }

    private static string? FileName(HttpContentHeaders headers) =>
        headers.ContentDisposition?.FileNameStar ?? headers.ContentDisposition?.FileName?.Trim('"');

    // The caller's stream stays the caller's: HttpClient would dispose a StreamContent's stream.
    private sealed class UploadContent(Stream content) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => content.CopyToAsync(stream);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            content.CopyToAsync(stream, cancellationToken);

        protected override bool TryComputeLength(out long length)
        {
            length = content.CanSeek ? content.Length - content.Position : -1;
            return content.CanSeek;
        }
    }
}

/// <summary>A downloaded file: its bytes and how the server described them.</summary>
/// <param name="Content">The bytes (only the requested range for a range download).</param>
/// <param name="ContentType">The media type.</param>
/// <param name="FileName">The file name from Content-Disposition.</param>
/// <param name="IsAttachment">Whether the server asked for it to be saved rather than shown.</param>
/// <param name="ETag">The entity tag, quoted.</param>
/// <param name="Range">Which bytes of the whole these are, for a range download.</param>
public sealed record MediaDownload(
    byte[] Content, string ContentType, string? FileName, bool IsAttachment, string? ETag, ContentRangeHeaderValue? Range);
