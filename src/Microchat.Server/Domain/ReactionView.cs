using Microchat.Contracts;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>A message's reactions as one receiver sees them: most used first, <c>me</c> for the receiver's own.</summary>
internal static class ReactionView
{
    public static IReadOnlyList<Reaction> Present(IReadOnlyList<ReactionCount> counts, IReadOnlyCollection<string> mine) =>
        // A stable sort: emoji used equally often stay in the order they were first used.
        counts.Where(c => c.Count > 0)
            .OrderByDescending(c => c.Count)
            .Select(c => new Reaction(c.Emoji, c.Count, mine.Contains(c.Emoji)))
            .ToList();

    /// <summary>As <paramref name="receiverId"/> sees them, from every reactor's emoji.</summary>
    public static IReadOnlyList<Reaction> Present(ReactionState state, long receiverId) =>
        Present(state.Counts, state.ByReactor.TryGetValue(receiverId, out var mine) ? mine.ToList() : []);
}
