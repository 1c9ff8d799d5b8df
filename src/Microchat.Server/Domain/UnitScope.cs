using Microchat.Contracts;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>
/// What the running unit of work has noted so far, visible to everything it calls (an ambient value,
/// because a unit may run on the store's writer thread rather than the request's). Its presence
/// tells the caches that a read is inside a unit: such a read may see writes that are never
/// committed, so it fills the <see cref="EntityCache"/> only once the unit has committed, and rules
/// checked inside a unit never read from a cache.
/// </summary>
internal sealed class UnitScope
{
    private static readonly AsyncLocal<UnitScope?> Ambient = new();
    private readonly HashSet<long> _changedEntities = [];
    private readonly List<(EntityRecord Entity, long Generation)> _entitiesRead = [];
    private readonly List<(EntitySummary Summary, long Generation)> _summariesRead = [];

    /// <summary>The running unit's scope, or null outside any unit.</summary>
    public static UnitScope? Current => Ambient.Value;

    /// <summary>Entities whose record or avatars this unit changed.</summary>
    public IReadOnlyCollection<long> ChangedEntities => _changedEntities;

    /// <summary>Entities the unit read from the store, each with the cache generation it was read in.</summary>
    public IReadOnlyList<(EntityRecord Entity, long Generation)> EntitiesRead => _entitiesRead;

    /// <summary>Summaries the unit built from the store, each with the cache generation they were read in.</summary>
    public IReadOnlyList<(EntitySummary Summary, long Generation)> SummariesRead => _summariesRead;

    public void NoteEntityChanged(long id) => _changedEntities.Add(id);

    public void NoteRead(EntityRecord entity, long generation) => _entitiesRead.Add((entity, generation));

    public void NoteRead(EntitySummary summary, long generation) => _summariesRead.Add((summary, generation));

    /// <summary>
    /// Runs <paramref name="work"/> with this scope as the ambient one (set here, so it never leaks back
    /// to the caller). A store may run a unit again after rolling its batch back: only the reads of the
    /// last run count.
    /// </summary>
    public async ValueTask<T> RunAsync<T>(Func<ValueTask<T>> work)
    {
        _entitiesRead.Clear();
        _summariesRead.Clear();
        Ambient.Value = this;
        return await work();
    }
}
