using Microchat.Contracts;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>Shows memberships as the wire does: the member's summary, role and joining time.</summary>
internal sealed class MemberPresenter(EntityPresenter presenter)
{
    public async ValueTask<IReadOnlyList<Member>> PresentAsync(IReadOnlyList<MemberRecord> members, CancellationToken ct)
    {
        if (members.Count == 0) return [];
        var summaries = await presenter.SummariesAsync(members.Select(m => m.EntityId).ToList(), ct);
        return members.Select(m => Present(m, summaries[m.EntityId])).ToList();
    }

    public async ValueTask<Member> PresentAsync(MemberRecord member, CancellationToken ct) =>
        (await PresentAsync([member], ct))[0];

    public static Member Present(MemberRecord member, EntitySummary summary) =>
        new(summary, PermissionRules.RoleOf(member), member.JoinedAt);
}
