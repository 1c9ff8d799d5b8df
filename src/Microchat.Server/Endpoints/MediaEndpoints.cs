using Microchat.Contracts;
using Microchat.Server.Authentication;
using Microchat.Server.Domain;
using Microchat.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Microchat.Server.Endpoints;

/// <summary>Uploads and downloads: <c>/media</c>.</summary>
internal static class MediaEndpoints
{
    public static RouteGroupBuilder MapMedia(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/media").WithTags("Media");

        // The body is read by hand, streaming, so any type is accepted (and none: octet-stream).
        group.MapPost("", UploadAsync)
            .Accepts(typeof(Stream), isOptional: true, "application/octet-stream", "multipart/form-data", "*/*")
            .WithName("UploadMedia").WithSummary("Upload a file: the raw body with its Content-Type, or multipart/form-data with one 'file' part.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 413, 415);

        group.MapGet("/{id}", GetAsync)
            .WithName("GetMedia").WithSummary("Describe an uploaded file.")
            .ProducesProblems(401, 404);

        group.MapGet("/{id}/content", ContentAsync)
            .WithMetadata(AllowsQueryTokenMetadata.Instance)
            .WithName("GetMediaContent").WithSummary("Download a file's bytes (ranges, ETag; ?access_token= allowed).")
            .Produces(StatusCodes.Status200OK, typeof(Stream), MediaTypes.OctetStream)
            .Produces(StatusCodes.Status206PartialContent, typeof(Stream), MediaTypes.OctetStream)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(401, 404)
            .Produces(StatusCodes.Status416RangeNotSatisfiable);

        return api;
    }

    private static async Task<Created<Media>> UploadAsync(
        Caller caller, UploadReader reader, MediaService media, HttpContext http, CancellationToken ct)
    {
        await using var upload = await reader.ReadAsync(http.Request, ct);
        var stored = await media.UploadAsync(caller, upload, ct);
        return TypedResults.Created(Locations.Of(http, $"media/{stored.Id}"), stored.ToContract());
    }

    private static async Task<Ok<Media>> GetAsync(string id, MediaService media, CancellationToken ct) =>
        TypedResults.Ok((await media.GetAsync(id, ct)).ToContract());

    private static async Task<FileStreamHttpResult> ContentAsync(string id, MediaService media, HttpContext http, CancellationToken ct)
    {
        var (file, content) = await media.OpenAsync(id, ct);
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Opened directly, a file is a sandboxed document that runs nothing and loads nothing.
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        // A media id always names the same bytes.
        headers.CacheControl = "private, max-age=31536000, immutable";
        var disposition = new ContentDispositionHeaderValue(MediaTypes.IsInlineSafe(file.ContentType) ? "inline" : "attachment");
        disposition.SetHttpFileName(file.Name);
        headers.ContentDisposition = disposition.ToString();
        return TypedResults.Stream(content, file.ContentType, lastModified: file.CreatedAt,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }
}
