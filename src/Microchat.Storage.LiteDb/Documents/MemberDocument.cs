using Microchat.Contracts;

namespace Microchat.Storage.LiteDb.Documents;

/// <summary>A membership as LiteDB stores it, keyed "conference:entity" so join-once is a key check.</summary>
internal sealed class MemberDocument
{
    public string Id { get; set; } = "";
    public long ConferenceId { get; set; }
    public long EntityId { get; set; }
    public bool IsOwner { get; set; }
    public Permissions Permissions { get; set; } = Permissions.None;
    public DateTimeOffset JoinedAt { get; set; }
    /// <summary>Increases with every join: the joining order members are listed in.</summary>
    public long JoinSequence { get; set; }
    public bool Active { get; set; }
    public List<SpanDocument> Spans { get; set; } = [];

    public static string KeyOf(long conferenceId, long entityId) => $"{conferenceId}:{entityId}";

    public MemberRecord ToRecord() => new()
    {
        ConferenceId = ConferenceId, EntityId = EntityId, IsOwner = IsOwner, Permissions = Permissions,
        JoinedAt = JoinedAt, Active = Active, Spans = Spans.Select(s => new MessageSpan(s.From, s.To)).ToList(),
    };
}

/// <summary>A join-to-leave span of readable message ids.</summary>
internal sealed class SpanDocument
{
    public long From { get; set; }
    public long? To { get; set; }
}

/// <summary>The ids of a conference's current members, keyed by the conference's id.</summary>
internal sealed class RosterDocument
{
    public long Id { get; set; }
    public List<long> Ids { get; set; } = [];
}
