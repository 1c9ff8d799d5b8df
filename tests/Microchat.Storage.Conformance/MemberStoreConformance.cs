using Microchat.Contracts;
using Xunit;

namespace Microchat.Storage.Conformance;

/// <summary>What every <see cref="IMemberStore"/> must do.</summary>
public abstract class MemberStoreConformance : StoreConformance
{
    private IMemberStore Members => Store<IMemberStore>();

    private ValueTask<bool> JoinAsync(long conference, long entity, long firstMessageId = 1) =>
        Members.TryJoinAsync(conference, entity, Permissions.Participant, false, At(1), firstMessageId, Ct);

    [Fact]
    public async Task Join_IsOnce_UntilTheMemberLeaves()
    {
        Assert.True(await JoinAsync(10, 1));
        Assert.False(await JoinAsync(10, 1));

        Assert.True(await Members.LeaveAsync(10, 1, 5, Ct));
        Assert.False(await Members.LeaveAsync(10, 1, 5, Ct));
        Assert.True(await JoinAsync(10, 1, firstMessageId: 9));

        var member = await Members.FindAsync(10, 1, Ct);
        Assert.Equal([new MessageSpan(1, 5), new MessageSpan(9, null)], member?.Spans);
        Assert.True(member?.Active);
    }

    [Fact]
    public async Task ConcurrentJoins_MakeOneMember()
    {
        var joins = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await JoinAsync(10, 1))));

        Assert.Single(joins, joined => joined);
        Assert.Equal(1, await Members.CountAsync(10, Ct));
    }

    [Fact]
    public async Task List_IsInJoiningOrder_AndLeavesOutFormerMembers()
    {
        await Members.TryJoinAsync(10, 3, Permissions.All, true, At(1), 1, Ct);
        await JoinAsync(10, 1);
        await JoinAsync(10, 2);
        await JoinAsync(11, 4);
        await Members.LeaveAsync(10, 1, 1, Ct);

        Assert.Equal([3L, 2L], (await Members.ListAsync(10, 0, 10, Ct)).Select(m => m.EntityId));
        Assert.Equal([2L], (await Members.ListAsync(10, 1, 10, Ct)).Select(m => m.EntityId));
        Assert.Equal([2L, 3L], (await Members.ListMemberIdsAsync(10, Ct)).Order());
        Assert.Equal(2, await Members.CountAsync(10, Ct));
        Assert.True((await Members.FindAsync(10, 3, Ct))?.IsOwner);
    }

    [Fact]
    public async Task Permissions_CanBeReplaced_ForCurrentMembersOnly()
    {
        await JoinAsync(10, 1);
        var flags = Permissions.ReadOnly with { Delete = true };

        Assert.True(await Members.SetPermissionsAsync(10, 1, flags, Ct));
        Assert.False(await Members.SetPermissionsAsync(10, 2, flags, Ct));
        Assert.Equal(flags, (await Members.FindAsync(10, 1, Ct))?.Permissions);
    }

    [Fact]
    public async Task ConferenceIds_AndDeletes_CoverBothSides()
    {
        await JoinAsync(10, 1);
        await JoinAsync(11, 1);
        await JoinAsync(11, 2);

        Assert.Equal([10L, 11L], (await Members.ListConferenceIdsAsync(1, Ct)).Order());

        await Members.DeleteConferenceAsync(11, Ct);
        Assert.Equal([10L], await Members.ListConferenceIdsAsync(1, Ct));
        Assert.Null(await Members.FindAsync(11, 2, Ct));

        await Members.DeleteEntityAsync(1, Ct);
        Assert.Empty(await Members.ListConferenceIdsAsync(1, Ct));
    }

    [Fact]
    public async Task Memberships_AreTheEntitysCurrentOnes_WithJoinTimesAndSpans()
    {
        await Members.TryJoinAsync(10, 1, Permissions.Participant, false, At(3), 4, Ct);
        await Members.TryJoinAsync(11, 1, Permissions.All, true, At(5), 1, Ct);
        await JoinAsync(12, 1);
        await JoinAsync(10, 2);
        await Members.LeaveAsync(12, 1, 7, Ct);

        var memberships = (await Members.ListMembershipsAsync(1, Ct)).OrderBy(m => m.ConferenceId).ToList();

        Assert.Equal([10L, 11L], memberships.Select(m => m.ConferenceId));
        Assert.Equal(At(3), memberships[0].JoinedAt);
        Assert.Equal([new MessageSpan(4, null)], memberships[0].Spans);
        Assert.True(memberships[1].IsOwner);
        Assert.All(memberships, m => Assert.True(m.Active));
        Assert.Empty(await Members.ListMembershipsAsync(3, Ct));
    }
}
