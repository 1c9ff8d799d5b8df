using Microchat.Contracts;
using Microchat.Server.Errors;
using Microsoft.Net.Http.Headers;

namespace Microchat.Server.Domain;

/// <summary>
/// What an upload really is: its declared type checked against its first bytes for images, the
/// gallery kind that follows, and whether a browser may show it inline.
/// </summary>
internal static class MediaTypes
{
    public const string OctetStream = "application/octet-stream";
    public const string Svg = "image/svg+xml";

    /// <summary>The type to store: the declared one, corrected or refused (415) by the bytes for images.</summary>
    public static string Resolve(string? declared, ReadOnlySpan<byte> header)
    {
        var type = Normalise(declared);
        var sniffed = SniffImage(header);
        if (type.StartsWith("image/", StringComparison.Ordinal))
        {
            // The bytes decide: a PNG sent as image/jpeg is stored as the PNG it is.
            if (sniffed is not null) return sniffed;
            if (type == Svg && LooksLikeMarkup(header)) return type;
            throw new DomainException(DomainError.UnsupportedMediaType, $"The bytes are not a {type} image.");
        }
        // An upload without a type that is plainly an image is stored as that image.
        return type == OctetStream && sniffed is not null ? sniffed : type;
    }

    /// <summary>The gallery a type belongs to.</summary>
    public static MediaKind KindOf(string contentType) => contentType switch
    {
        "image/jpeg" or "image/png" or "image/webp" => MediaKind.Photo,
        "image/gif" => MediaKind.Animation,
        _ when contentType.StartsWith("video/", StringComparison.Ordinal) => MediaKind.Video,
        _ when contentType.StartsWith("audio/", StringComparison.Ordinal) => MediaKind.Audio,
        _ => MediaKind.File,
    };

    /// <summary>
    /// Whether a browser may show the bytes in place: raster images (checked by their bytes on
    /// upload), audio and video. SVG, HTML, XML and everything else can carry script, so they
    /// are always downloaded as attachments.
    /// </summary>
    public static bool IsInlineSafe(string contentType) =>
        RasterTypes.Contains(contentType)
        || contentType.StartsWith("audio/", StringComparison.Ordinal)
        || contentType.StartsWith("video/", StringComparison.Ordinal);

    /// <summary>A file extension for a default name, or "".</summary>
    public static string ExtensionOf(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        _ => "",
    };

    private static readonly HashSet<string> RasterTypes = new(StringComparer.Ordinal)
    {
        "image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp", "image/x-icon", "image/tiff", "image/avif", "image/heic",
    };

    // Only type/subtype is kept, lower-cased: parameters are dropped, so no client-made
    // parameter is ever echoed back in a Content-Type header.
    private static string Normalise(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared)) return OctetStream;
        if (!MediaTypeHeaderValue.TryParse(declared, out var parsed) || parsed.MatchesAllTypes || parsed.MatchesAllSubTypes
            || parsed.SubType.Length == 0)
            throw new DomainException(DomainError.UnsupportedMediaType, $"'{declared}' is not a media type.");
        return parsed.MediaType.Value!.ToLowerInvariant();
    }

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngMagic => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> IconMagic => [0, 0, 1, 0];
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static string? SniffImage(ReadOnlySpan<byte> h)
    {
        if (h.StartsWith(JpegMagic)) return "image/jpeg";
        if (h.StartsWith(PngMagic)) return "image/png";
        if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8)) return "image/gif";
        if (h.Length >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        if (h.Length >= 18 && h.StartsWith("BM"u8) && BitConverter.ToUInt32(h[14..18]) is 12 or 40 or 52 or 56 or 108 or 124)
            return "image/bmp";
        if (h.Length >= 6 && h.StartsWith(IconMagic) && h[4] + h[5] > 0) return "image/x-icon";
        if (h.StartsWith("II*\0"u8) || h.StartsWith("MM\0*"u8)) return "image/tiff";
        if (h.Length >= 12 && h[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = h[8..12];
            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8)) return "image/avif";
            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8)) return "image/heic";
        }
        return null;
    }

    // SVG is text: the most that can be checked cheaply is that it starts like markup.
    private static bool LooksLikeMarkup(ReadOnlySpan<byte> h)
    {
        if (h.StartsWith(Utf8Bom)) h = h[3..];
        var start = h.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && h[start] == (byte)'<';
    }
}
