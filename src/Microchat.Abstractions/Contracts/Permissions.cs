using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>What a participant may do in a chat.</summary>
public sealed record Permissions(
    [property: JsonPropertyName("read")] bool Read,
    [property: JsonPropertyName("send")] bool Send,
    [property: JsonPropertyName("send_media")] bool SendMedia,
    [property: JsonPropertyName("delete")] bool Delete,
    [property: JsonPropertyName("add_user")] bool AddUser,
    [property: JsonPropertyName("remove_user")] bool RemoveUser,
    [property: JsonPropertyName("edit_conference")] bool EditConference,
    [property: JsonPropertyName("admin")] bool Admin)
{
    /// <summary>No flag at all.</summary>
    public static Permissions None { get; } = new(false, false, false, false, false, false, false, false);

    /// <summary>Every flag: what a conference owner holds.</summary>
    public static Permissions All { get; } = new(true, true, true, true, true, true, true, true);

    /// <summary>What each side of a dialog holds, and a new conference's default.</summary>
    public static Permissions Participant { get; } = None with { Read = true, Send = true, SendMedia = true };

    /// <summary>What a non-member of a public conference holds.</summary>
    public static Permissions ReadOnly { get; } = None with { Read = true };

    /// <summary>These flags with every flag the patch sets replaced.</summary>
    public Permissions With(PermissionsPatch patch) => new(
        patch.Read ?? Read,
        patch.Send ?? Send,
        patch.SendMedia ?? SendMedia,
        patch.Delete ?? Delete,
        patch.AddUser ?? AddUser,
        patch.RemoveUser ?? RemoveUser,
        patch.EditConference ?? EditConference,
        patch.Admin ?? Admin);
}
