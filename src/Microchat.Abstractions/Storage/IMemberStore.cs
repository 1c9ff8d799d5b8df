using Microchat.Contracts;

namespace Microchat.Storage;

/// <summary>Persists conference memberships and the spans of messages each member may read.</summary>
public interface IMemberStore
{
    /// <summary>
    /// Makes an entity a member with these permissions, opening a span from <paramref name="firstMessageId"/>;
    /// false when it is a member already. Atomic: two joins at once make one member.
    /// </summary>
    ValueTask<bool> TryJoinAsync(long conferenceId, long entityId, Permissions permissions, bool isOwner,
        DateTimeOffset joinedAt, long firstMessageId, CancellationToken cancellationToken);

    /// <summary>Ends a membership, closing its span at <paramref name="lastMessageId"/>; false when not a member.</summary>
    ValueTask<bool> LeaveAsync(long conferenceId, long entityId, long lastMessageId, CancellationToken cancellationToken);

    /// <summary>The membership record, current or past, or null if the entity never joined.</summary>
    ValueTask<MemberRecord?> FindAsync(long conferenceId, long entityId, CancellationToken cancellationToken);

    /// <summary>Current members in joining order.</summary>
    ValueTask<IReadOnlyList<MemberRecord>> ListAsync(long conferenceId, int offset, int count, CancellationToken cancellationToken);

    /// <summary>The ids of every current member.</summary>
    ValueTask<IReadOnlyList<long>> ListMemberIdsAsync(long conferenceId, CancellationToken cancellationToken);

    /// <summary>How many current members a conference has.</summary>
    ValueTask<int> CountAsync(long conferenceId, CancellationToken cancellationToken);

    /// <summary>The conferences an entity is a member of now.</summary>
    ValueTask<IReadOnlyList<long>> ListConferenceIdsAsync(long entityId, CancellationToken cancellationToken);

    /// <summary>An entity's current memberships, with their join times and spans (one call for a whole chat list).</summary>
    ValueTask<IReadOnlyList<MemberRecord>> ListMembershipsAsync(long entityId, CancellationToken cancellationToken);

    /// <summary>Replaces a current member's flags; false when not a member.</summary>
    ValueTask<bool> SetPermissionsAsync(long conferenceId, long entityId, Permissions permissions, CancellationToken cancellationToken);

    /// <summary>Forgets every membership of a conference.</summary>
    ValueTask DeleteConferenceAsync(long conferenceId, CancellationToken cancellationToken);

    /// <summary>Forgets every membership of an entity.</summary>
    ValueTask DeleteEntityAsync(long entityId, CancellationToken cancellationToken);
}
