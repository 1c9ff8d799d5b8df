using System.Globalization;
using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>
/// A chat to send to, made from whatever the caller holds: an <see cref="EntitySummary"/> (an
/// event's <c>Chat</c>), <see cref="ChatDetails"/>, <see cref="Contracts.Me"/>, a numeric id, or an alias
/// ("@alice" or "alice") — no <c>ToString</c> dances.
/// </summary>
public readonly record struct ChatRef
{
    private ChatRef(string path) => Path = path;

    /// <summary>The path segment the API takes: "@alias" or the id.</summary>
    public string Path { get; }

    /// <summary>A chat by numeric id.</summary>
    public static ChatRef FromId(long id) => new(id.ToString(CultureInfo.InvariantCulture));

    /// <summary>A chat by alias, with or without the leading "@", or a numeric id as text.</summary>
    public static ChatRef FromAlias(string alias)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        var text = alias.Trim();
        return new(text.StartsWith('@') || long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? text : "@" + text);
    }

    /// <summary>A chat from an entity summary: by id, which never changes (an alias can).</summary>
    public static ChatRef FromSummary(EntitySummary chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return FromId(chat.Id);
    }

    /// <summary>Same as <see cref="FromId"/>.</summary>
    public static implicit operator ChatRef(long id) => FromId(id);

    /// <summary>Same as <see cref="FromAlias"/>.</summary>
    public static implicit operator ChatRef(string alias) => FromAlias(alias);

    /// <summary>Same as <see cref="FromSummary"/>.</summary>
    public static implicit operator ChatRef(EntitySummary chat) => FromSummary(chat);

    /// <summary>The chat these details describe.</summary>
    public static implicit operator ChatRef(ChatDetails chat) => FromId((chat ?? throw new ArgumentNullException(nameof(chat))).Id);

    /// <summary>The caller's own chat.</summary>
    public static implicit operator ChatRef(Me me) => FromId((me ?? throw new ArgumentNullException(nameof(me))).Id);

    /// <summary>The path segment.</summary>
    public override string ToString() => Path ?? "";
}
