using Microchat.Contracts;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>A chat as one caller sees it: what it is, where its history is, and what the caller may do.</summary>
internal sealed record ChatView
{
    /// <summary>The entity the caller addressed: the other side of a dialog, or the conference.</summary>
    public required EntityRecord Target { get; init; }

    /// <summary>The caller who sees the chat this way (whose own reactions show as <c>me</c>).</summary>
    public long ViewerId { get; init; }

    /// <summary>Where the chat's history is kept.</summary>
    public required ChatKey Key { get; init; }

    /// <summary>The entities a write to this chat's messages locks: the conference, or both sides of a dialog.</summary>
    public IReadOnlyCollection<long> WriteLocks => Key.IsDialog ? Key.Participants.Distinct().ToList() : [Key.ConferenceId!.Value];

    /// <summary>The caller's effective permissions.</summary>
    public required Permissions Permissions { get; init; }

    /// <summary>The caller's membership of a conference (current or past), if any.</summary>
    public MemberRecord? Membership { get; init; }

    /// <summary>Which message ids the caller may read; null means all of them.</summary>
    public IReadOnlyList<MessageSpan>? ReadableSpans { get; init; }

    public bool IsConference => Target.Type == EntityType.Conference;

    /// <summary>Whether the caller takes part: a side of the dialog, or a current member.</summary>
    public bool IsParticipant => !IsConference || Membership is { Active: true };

    /// <summary>Whether the caller may read this message id.</summary>
    public bool CanRead(long messageId) =>
        Permissions.Read && (ReadableSpans is null || ReadableSpans.Any(span => span.Contains(messageId)));
}
