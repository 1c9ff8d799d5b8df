using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>
/// The current members of each conference as one document of ids (<c>member_rosters</c>), written by
/// the member store in the same write as the membership it changes. Every conference event is
/// addressed to its members, so this list is read on every send: one document instead of one per
/// member (a profile of a 1,000-member conference put reading and mapping those at a fifth of the
/// host's time, all of it on the writer thread).
/// </summary>
internal static class MemberRoster
{
    public const string Rosters = "member_rosters";

    public static IReadOnlyList<long> Read(LiteDatabase db, long conferenceId) => RostersOf(db).FindById(conferenceId)?.Ids ?? [];

    public static void Add(LiteDatabase db, long conferenceId, long entityId)
    {
        var rosters = RostersOf(db);
        var roster = rosters.FindById(conferenceId) ?? new RosterDocument { Id = conferenceId };
        if (roster.Ids.Contains(entityId)) return;
        roster.Ids.Add(entityId);
        rosters.Upsert(roster);
    }

    public static void Remove(LiteDatabase db, long conferenceId, long entityId)
    {
        var rosters = RostersOf(db);
        if (rosters.FindById(conferenceId) is not { } roster || !roster.Ids.Remove(entityId)) return;
        if (roster.Ids.Count == 0) rosters.Delete(conferenceId);
        else rosters.Update(roster);
    }

    public static void DeleteConference(LiteDatabase db, long conferenceId) => RostersOf(db).Delete(conferenceId);

    /// <summary>Builds the rosters of a database made before they existed; runs once, when the collection is missing.</summary>
    public static void Backfill(LiteDatabase db)
    {
        if (db.CollectionExists(Rosters)) return;
        var active = db.GetCollection<MemberDocument>("members").Find(m => m.Active).ToList();
        foreach (var conference in active.GroupBy(m => m.ConferenceId))
            RostersOf(db).Insert(new RosterDocument { Id = conference.Key, Ids = conference.Select(m => m.EntityId).ToList() });
        // Even with no members: a collection first made inside a batch that rolls back breaks the file.
        LiteDbStorage.CreateCollection(db, Rosters);
    }

    private static ILiteCollection<RosterDocument> RostersOf(LiteDatabase db) => db.GetCollection<RosterDocument>(Rosters);
}
