using Microchat.Server.Authentication;
using Microchat.Server.Errors;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>Uploaded files: storing them once per content, describing them, handing out their bytes.</summary>
internal sealed class MediaService(IMediaStore media, IBlobStore blobs, UnitOfWorkRunner units, MicrochatClock clock)
{
    /// <summary>Stores a spooled upload: its bytes once per SHA-256, and a new record with a random id.</summary>
    public async ValueTask<MediaRecord> UploadAsync(Caller caller, SpooledUpload upload, CancellationToken ct)
    {
        if (upload.Size == 0) throw DomainException.Invalid(upload.Field, "The upload is empty.");
        var contentType = MediaTypes.Resolve(upload.DeclaredType, upload.Header.Span);

        var record = new MediaRecord
        {
            // 128 random bits: knowing a media id is what lets a caller fetch it.
            Id = TokenSecrets.NewId(16),
            UploaderId = caller.Id,
            Name = FileNames.Sanitise(upload.Name, contentType),
            ContentType = contentType,
            Size = upload.Size,
            Sha256 = upload.Sha256,
            Kind = MediaTypes.KindOf(contentType),
            CreatedAt = clock.Now(),
        };
        // The bytes first, streamed in their own commits; the record (and the request's idempotency
        // record) in one unit once they are all there. Bytes without a record are invisible.
        await blobs.SaveAsync(upload.Sha256, upload.OpenContent(), ct);
        return await units.RunAsync(async inner =>
        {
            await media.CreateAsync(record, inner);
            return record;
        }, ct);
    }

    public async ValueTask<MediaRecord> GetAsync(string id, CancellationToken ct) =>
        await media.GetAsync(id, ct) ?? throw DomainException.NotFound($"Media '{id}'");

    /// <summary>A media and a seekable stream of its bytes, which the caller disposes.</summary>
    public async ValueTask<(MediaRecord Media, Stream Content)> OpenAsync(string id, CancellationToken ct)
    {
        var record = await GetAsync(id, ct);
        var content = await blobs.OpenReadAsync(record.Sha256, ct) ?? throw DomainException.NotFound($"Media '{id}'");
        return (record, content);
    }
}
