namespace Microchat.Contracts;

/// <summary>Which gallery a media kind is listed in.</summary>
public static class GalleryKinds
{
    /// <summary>The gallery of attachments of this kind.</summary>
    public static GalleryKind Of(MediaKind kind) => kind switch
    {
        MediaKind.Photo => GalleryKind.Photos,
        MediaKind.Video => GalleryKind.Videos,
        MediaKind.Audio => GalleryKind.Audios,
        MediaKind.Animation => GalleryKind.Animations,
        _ => GalleryKind.Files,
    };
}
