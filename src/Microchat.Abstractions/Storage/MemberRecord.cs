using Microchat.Contracts;

namespace Microchat.Storage;

/// <summary>An entity's membership of a conference, kept after it leaves so its reading spans survive.</summary>
public sealed record MemberRecord
{
    /// <summary>The conference.</summary>
    public required long ConferenceId { get; init; }
    /// <summary>The user or bot.</summary>
    public required long EntityId { get; init; }
    /// <summary>Whether this member owns the conference.</summary>
    public bool IsOwner { get; init; }
    /// <summary>The member's flags (an owner's are ignored: it holds all).</summary>
    public required Permissions Permissions { get; init; }
    /// <summary>When the current (or last) membership began.</summary>
    public required DateTimeOffset JoinedAt { get; init; }
    /// <summary>Whether the entity is a member now.</summary>
    public bool Active { get; init; }
    /// <summary>Every join-to-leave span, as the message ids the member may read.</summary>
    public IReadOnlyList<MessageSpan> Spans { get; init; } = [];
}

/// <summary>A run of message ids: from <see cref="From"/> to <see cref="To"/> inclusive, open-ended when <see cref="To"/> is null.</summary>
public sealed record MessageSpan(long From, long? To)
{
    /// <summary>Whether the id falls in this span.</summary>
    public bool Contains(long id) => id >= From && (To is null || id <= To);
}
