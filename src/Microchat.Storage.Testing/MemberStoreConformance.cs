using Microchat.Contracts;
using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>What every <see cref="IMemberStore"/> must do.</summary>
public abstract partial class StoreConformance
{
    private IMemberStore MemberMembers => Store<IMemberStore>();

    private ValueTask<bool> MemberJoinAsync(long conference, long entity, long firstMessageId = 1) =>
        MemberMembers.TryJoinAsync(conference, entity, Permissions.Participant, false, At(1), firstMessageId, Ct);

    [Fact]
    public async Task MemberStore_Join_IsOnce_UntilTheMemberLeaves()
    {
        Assert.True(await MemberJoinAsync(10, 1));
        Assert.False(await MemberJoinAsync(10, 1));

        Assert.True(await MemberMembers.LeaveAsync(10, 1, 5, Ct));
        Assert.False(await MemberMembers.LeaveAsync(10, 1, 5, Ct));
        Assert.True(await MemberJoinAsync(10, 1, firstMessageId: 9));

        var member = await MemberMembers.FindAsync(10, 1, Ct);
        Assert.Equal([new MessageSpan(1, 5), new MessageSpan(9, null)], member?.Spans);
        Assert.True(member?.Active);
    }

    [Fact]
    public async Task MemberStore_ConcurrentJoins_MakeOneMember()
    {
        var joins = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await MemberJoinAsync(10, 1))));

        Assert.Single(joins, joined => joined);
        Assert.Equal(1, await MemberMembers.CountAsync(10, Ct));
    }

    [Fact]
    public async Task MemberStore_List_IsInJoiningOrder_AndLeavesOutFormerMembers()
    {
        await MemberMembers.TryJoinAsync(10, 3, Permissions.All, true, At(1), 1, Ct);
        await MemberJoinAsync(10, 1);
        await MemberJoinAsync(10, 2);
        await MemberJoinAsync(11, 4);
        await MemberMembers.LeaveAsync(10, 1, 1, Ct);

        Assert.Equal([3L, 2L], (await MemberMembers.ListAsync(10, 0, 10, Ct)).Select(m => m.EntityId));
        Assert.Equal([2L], (await MemberMembers.ListAsync(10, 1, 10, Ct)).Select(m => m.EntityId));
        Assert.Equal([2L, 3L], (await MemberMembers.ListMemberIdsAsync(10, Ct)).Order());
        Assert.Equal(2, await MemberMembers.CountAsync(10, Ct));
        Assert.True((await MemberMembers.FindAsync(10, 3, Ct))?.IsOwner);
    }

    [Fact]
    public async Task MemberStore_Permissions_CanBeReplaced_ForCurrentMembersOnly()
    {
        await MemberJoinAsync(10, 1);
        var flags = Permissions.ReadOnly with { Delete = true };

        Assert.True(await MemberMembers.SetPermissionsAsync(10, 1, flags, Ct));
        Assert.False(await MemberMembers.SetPermissionsAsync(10, 2, flags, Ct));
        Assert.Equal(flags, (await MemberMembers.FindAsync(10, 1, Ct))?.Permissions);
    }

    [Fact]
    public async Task MemberStore_ConferenceIds_AndDeletes_CoverBothSides()
    {
        await MemberJoinAsync(10, 1);
        await MemberJoinAsync(11, 1);
        await MemberJoinAsync(11, 2);

        Assert.Equal([10L, 11L], (await MemberMembers.ListConferenceIdsAsync(1, Ct)).Order());

        await MemberMembers.DeleteConferenceAsync(11, Ct);
        Assert.Equal([10L], await MemberMembers.ListConferenceIdsAsync(1, Ct));
        Assert.Null(await MemberMembers.FindAsync(11, 2, Ct));

        await MemberMembers.DeleteEntityAsync(1, Ct);
        Assert.Empty(await MemberMembers.ListConferenceIdsAsync(1, Ct));
    }

    [Fact]
    public async Task MemberStore_Memberships_AreTheEntitysCurrentOnes_WithJoinTimesAndSpans()
    {
        await MemberMembers.TryJoinAsync(10, 1, Permissions.Participant, false, At(3), 4, Ct);
        await MemberMembers.TryJoinAsync(11, 1, Permissions.All, true, At(5), 1, Ct);
        await MemberJoinAsync(12, 1);
        await MemberJoinAsync(10, 2);
        await MemberMembers.LeaveAsync(12, 1, 7, Ct);

        var memberships = (await MemberMembers.ListMembershipsAsync(1, Ct)).OrderBy(m => m.ConferenceId).ToList();

        Assert.Equal([10L, 11L], memberships.Select(m => m.ConferenceId));
        Assert.Equal(At(3), memberships[0].JoinedAt);
        Assert.Equal([new MessageSpan(4, null)], memberships[0].Spans);
        Assert.True(memberships[1].IsOwner);
        Assert.All(memberships, m => Assert.True(m.Active));
        Assert.Empty(await MemberMembers.ListMembershipsAsync(3, Ct));
    }
}
