using Microchat.Contracts;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>Stored media to the wire.</summary>
internal static class MediaMapping
{
    public static Media ToContract(this MediaRecord media) =>
        new(media.Id, media.Name, media.ContentType, media.Size, media.Sha256, media.Kind, media.CreatedAt);
}
