using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>How a media file is shown: the gallery it belongs to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MediaKind>))]
public enum MediaKind
{
    /// <summary>image/jpeg, image/png or image/webp.</summary>
    [JsonStringEnumMemberName("photo")] Photo,
    /// <summary>Any video/* type.</summary>
    [JsonStringEnumMemberName("video")] Video,
    /// <summary>Any audio/* type.</summary>
    [JsonStringEnumMemberName("audio")] Audio,
    /// <summary>image/gif, or a silent video declared as an animation.</summary>
    [JsonStringEnumMemberName("animation")] Animation,
    /// <summary>Anything else.</summary>
    [JsonStringEnumMemberName("file")] File,
}
