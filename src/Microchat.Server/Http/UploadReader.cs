using Microchat.Server.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Microchat.Server.Http;

/// <summary>
/// Reads the one file of an upload request, streaming: the raw body (its Content-Type and
/// <c>?name=</c>), or the <c>file</c> part of a <c>multipart/form-data</c> body read section by
/// section. <see cref="MicrochatOptions.MaxUploadBytes"/> is enforced before reading when the
/// length is declared, and while reading when it is not.
/// </summary>
internal sealed class UploadReader(IOptionsMonitor<MicrochatOptions> options)
{
    /// <summary>What a multipart body may carry beyond the file: boundaries, part headers, small fields.</summary>
    public const long MultipartAllowance = 64 * 1024;

    public const string FilePart = "file";

    public async Task<SpooledUpload> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var max = options.CurrentValue.MaxUploadBytes;
        var limit = max > long.MaxValue - MultipartAllowance ? long.MaxValue : max + MultipartAllowance;
        // The server's own body limit (Kestrel's default is 30 MB) would otherwise decide for this
        // endpoint; it is set just above ours so that ours, with its clearer message, trips first.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;

        var name = request.Query.TryGetValue("name", out var names) ? names[0] : null;
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            if (request.ContentLength > limit) throw SpooledUpload.TooLarge(max);
            return await ReadMultipartAsync(request, type, max, name, ct);
        }

        if (request.ContentLength > max) throw SpooledUpload.TooLarge(max);
        return await SpooledUpload.CopyAsync(request.Body, max, request.ContentType, name, "body", ct);
    }

    private static async Task<SpooledUpload> ReadMultipartAsync(HttpRequest request, MediaTypeHeaderValue type, long max, string? name, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
            throw DomainException.Invalid(FilePart, "A multipart body needs a boundary of 1 to 70 characters.");

        var reader = new MultipartReader(boundary, request.Body);
        SpooledUpload? file = null;
        long otherBytes = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition);
                if (HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value != FilePart)
                {
                    // Other form fields are allowed and ignored, within the allowance.
                    otherBytes += await CountAsync(section.Body, MultipartAllowance - otherBytes, max, ct);
                    continue;
                }
                if (file is not null) throw DomainException.Invalid(FilePart, "Send exactly one part named 'file'.");
                var fileName = disposition!.FileNameStar.HasValue ? disposition.FileNameStar.Value
                    : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                file = await SpooledUpload.CopyAsync(section.Body, max, section.ContentType,
                    string.IsNullOrEmpty(fileName) ? name : fileName, FilePart, ct);
            }
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not BadHttpRequestException))
        {
            if (file is not null) await file.DisposeAsync();
            throw DomainException.Invalid(FilePart, "The multipart body is malformed.");
        }
        catch
        {
            if (file is not null) await file.DisposeAsync();
            throw;
        }
        return file ?? throw DomainException.Invalid(FilePart, "A multipart upload needs one part named 'file'.");
    }

    private static async Task<long> CountAsync(Stream body, long allowed, long max, CancellationToken ct)
    {
        var buffer = new byte[4096];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > allowed) throw SpooledUpload.TooLarge(max);
        }
        return total;
    }
}
