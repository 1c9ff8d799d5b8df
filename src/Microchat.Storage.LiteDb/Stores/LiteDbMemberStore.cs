using LiteDB;
using Microchat.Contracts;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>Conference memberships in the <c>members</c> collection.</summary>
internal sealed class LiteDbMemberStore : IMemberStore
{
    private const string Collection = "members";
    private readonly LiteDbStorage _storage;

    public LiteDbMemberStore(LiteDbStorage storage)
    {
        _storage = storage;
        _storage.EnsureSchema(db =>
        {
            var members = Members(db);
            members.EnsureIndex(m => m.ConferenceId);
            members.EnsureIndex(m => m.EntityId);
            MemberRoster.Backfill(db);
        });
    }

    public ValueTask<bool> TryJoinAsync(long conferenceId, long entityId, Permissions permissions, bool isOwner,
        DateTimeOffset joinedAt, long firstMessageId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            var members = Members(db);
            var key = MemberDocument.KeyOf(conferenceId, entityId);
            var member = members.FindById(key) ?? new MemberDocument { Id = key, ConferenceId = conferenceId, EntityId = entityId };
            if (member.Active) return false;
            member.Active = true;
            member.IsOwner = isOwner;
            member.Permissions = permissions;
            member.JoinedAt = joinedAt;
            member.JoinSequence = Sequences.Next(db, Collection);
            member.Spans.Add(new SpanDocument { From = firstMessageId });
            members.Upsert(member);
            MemberRoster.Add(db, conferenceId, entityId);
            return true;
        }));

    public ValueTask<bool> LeaveAsync(long conferenceId, long entityId, long lastMessageId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            var members = Members(db);
            var member = members.FindById(MemberDocument.KeyOf(conferenceId, entityId));
            if (member is not { Active: true }) return false;
            member.Active = false;
            member.IsOwner = false;
            if (member.Spans.Count > 0) member.Spans[^1].To = lastMessageId;
            MemberRoster.Remove(db, conferenceId, entityId);
            return members.Update(member);
        }));

    public ValueTask<MemberRecord?> FindAsync(long conferenceId, long entityId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Read(db => Members(db).FindById(MemberDocument.KeyOf(conferenceId, entityId))?.ToRecord()));

    public ValueTask<IReadOnlyList<MemberRecord>> ListAsync(long conferenceId, int offset, int count, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<MemberRecord>>(_storage.Read(db => Members(db).Query()
            .Where(m => m.ConferenceId == conferenceId && m.Active)
            .OrderBy(m => m.JoinSequence).Offset(offset).Limit(count).ToList()
            .Select(m => m.ToRecord()).ToList()));

    public ValueTask<IReadOnlyList<long>> ListMemberIdsAsync(long conferenceId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Read(db => MemberRoster.Read(db, conferenceId)));

    public ValueTask<int> CountAsync(long conferenceId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Read(db => Members(db).Count(m => m.ConferenceId == conferenceId && m.Active)));

    public ValueTask<IReadOnlyList<long>> ListConferenceIdsAsync(long entityId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<long>>(_storage.Read(db => Members(db)
            .Find(m => m.EntityId == entityId && m.Active).Select(m => m.ConferenceId).ToList()));

    public ValueTask<IReadOnlyList<MemberRecord>> ListMembershipsAsync(long entityId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<MemberRecord>>(_storage.Read(db => Members(db)
            .Find(m => m.EntityId == entityId && m.Active).Select(m => m.ToRecord()).ToList()));

    public ValueTask<bool> SetPermissionsAsync(long conferenceId, long entityId, Permissions permissions, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_storage.Write(db =>
        {
            var members = Members(db);
            var member = members.FindById(MemberDocument.KeyOf(conferenceId, entityId));
            if (member is not { Active: true }) return false;
            member.Permissions = permissions;
            return members.Update(member);
        }));

    public ValueTask DeleteConferenceAsync(long conferenceId, CancellationToken cancellationToken)
    {
        _storage.Write(db =>
        {
            MemberRoster.DeleteConference(db, conferenceId);
            return Members(db).DeleteMany(m => m.ConferenceId == conferenceId);
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask DeleteEntityAsync(long entityId, CancellationToken cancellationToken)
    {
        _storage.Write(db =>
        {
            var members = Members(db);
            foreach (var membership in members.Find(m => m.EntityId == entityId && m.Active).ToList())
                MemberRoster.Remove(db, membership.ConferenceId, entityId);
            return members.DeleteMany(m => m.EntityId == entityId);
        });
        return ValueTask.CompletedTask;
    }

    private static ILiteCollection<MemberDocument> Members(LiteDatabase db) => db.GetCollection<MemberDocument>(Collection);
}
