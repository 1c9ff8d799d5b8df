using System.Collections.Concurrent;
using Microchat.Contracts;
using Microchat.Server.Events;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>
/// Entities by id and by alias, and their wire summaries (with the current avatar), so resolving a
/// path's chat and showing senders does not read the store on every request. Committed
/// <c>_entities_changed</c> and <c>_streams_closed</c> entries invalidate it, on every host, because
/// they ride the store's event feed; the host that commits a change also forgets it at once. A value
/// read while an invalidation ran is not kept (the generation it was read in is gone). Only reads
/// made outside a unit of work fill it (see <see cref="UnitScope"/>).
/// </summary>
internal sealed class EntityCache
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<long, EntityRecord> _byId = new();
    // Alias → id is checked against the entity's own record on the way out, so an alias that moved on is a miss.
    private readonly ConcurrentDictionary<string, long> _idByAlias = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<long, EntitySummary> _summaries = new();
    private long _generation;

    public EntityCache(IEventFeed feed)
    {
        feed.Subscribe(Invalidate);
    }

    /// <summary>The generation to pass to the <c>Add</c> methods: take it before reading the store.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(long id, out EntityRecord entity) => _byId.TryGetValue(id, out entity!);

    public bool TryGetByAlias(string alias, out EntityRecord entity)
    {
        entity = null!;
        return _idByAlias.TryGetValue(alias, out var id)
            && _byId.TryGetValue(id, out entity!)
            && string.Equals(entity.Alias, alias, StringComparison.OrdinalIgnoreCase);
    }

    public bool TryGetSummary(long id, out EntitySummary summary) => _summaries.TryGetValue(id, out summary!);

    /// <summary>
    /// Keeps an entity read from the store in <paramref name="generation"/>: now, or, when read inside a
    /// unit of work (which may see writes that never commit), once that unit has committed.
    /// </summary>
    public void Keep(EntityRecord entity, long generation)
    {
        if (UnitScope.Current is { } unit) unit.NoteRead(entity, generation);
        else Add(entity, generation);
    }

    /// <summary>Keeps a summary built from the store in <paramref name="generation"/>, as <see cref="Keep(EntityRecord, long)"/> does.</summary>
    public void Keep(EntitySummary summary, long generation)
    {
        if (UnitScope.Current is { } unit) unit.NoteRead(summary, generation);
        else AddSummary(summary, generation);
    }

    /// <summary>Remembers an entity read in <paramref name="generation"/>, unless an invalidation happened since.</summary>
    public void Add(EntityRecord entity, long generation)
    {
        if (_byId.Count >= MaxEntries) Clear();
        _byId[entity.Id] = entity;
        _idByAlias[entity.Alias] = entity.Id;
        if (Generation != generation) _byId.TryRemove(entity.Id, out _);
    }

    /// <summary>Remembers a summary read in <paramref name="generation"/>, unless an invalidation happened since.</summary>
    public void AddSummary(EntitySummary summary, long generation)
    {
        if (_summaries.Count >= MaxEntries) Clear();
        _summaries[summary.Id] = summary;
        if (Generation != generation) _summaries.TryRemove(summary.Id, out _);
    }

    /// <summary>
    /// Notes, inside a unit of work, that it changed an entity's record or avatars: forgotten here at
    /// once (so the unit's own presenting reads the change), announced to every host with the commit
    /// (<see cref="UnitOfWorkRunner"/> logs it), and forgotten here again once committed.
    /// </summary>
    public void Changed(long id)
    {
        var scope = UnitScope.Current ?? throw new InvalidOperationException("An entity changes only inside a unit of work.");
        scope.NoteEntityChanged(id);
        Forget([id]);
    }

    /// <summary>Forgets these entities now (this host committed, or is about to commit, a change to them).</summary>
    public void Forget(IEnumerable<long> ids)
    {
        Interlocked.Increment(ref _generation);
        foreach (var id in ids)
        {
            _byId.TryRemove(id, out _);
            _summaries.TryRemove(id, out _);
        }
    }

    private void Clear()
    {
        Interlocked.Increment(ref _generation);
        _byId.Clear();
        _idByAlias.Clear();
        _summaries.Clear();
    }

    private void Invalidate(IReadOnlyList<EventRecord> events)
    {
        foreach (var e in events)
        {
            var changed = ControlEvents.ChangedEntitiesOf(e);
            if (changed.Count > 0) Forget(changed);
        }
    }
}
