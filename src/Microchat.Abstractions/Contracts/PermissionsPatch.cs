using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>A partial update of permissions: a null flag stays as it is.</summary>
public sealed record PermissionsPatch(
    [property: JsonPropertyName("read")] bool? Read = null,
    [property: JsonPropertyName("send")] bool? Send = null,
    [property: JsonPropertyName("send_media")] bool? SendMedia = null,
    [property: JsonPropertyName("delete")] bool? Delete = null,
    [property: JsonPropertyName("add_user")] bool? AddUser = null,
    [property: JsonPropertyName("remove_user")] bool? RemoveUser = null,
    [property: JsonPropertyName("edit_conference")] bool? EditConference = null,
    [property: JsonPropertyName("admin")] bool? Admin = null);
