using System.Collections.Concurrent;
using Microchat.Server.Events;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>
/// Token → session, so a request does not read the token and its entity from the store every time.
/// Committed events invalidate it: a revoked token, or a deleted or changed entity, is forgotten the moment its
/// unit commits, on every host, because the invalidation rides the store's event feed. A read that
/// raced an invalidation is not cached (the generation it started in is gone).
/// </summary>
internal sealed class TokenSessionCache
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, Entry> _byHash = new(StringComparer.Ordinal);
    private long _generation;

    public TokenSessionCache(IEventFeed feed)
    {
        feed.Subscribe(Invalidate);
    }

    /// <summary>The generation to pass to <see cref="Add"/>: take it before reading the store.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string hash, out TokenSession session, out DateTimeOffset lastTouched)
    {
        if (_byHash.TryGetValue(hash, out var entry))
        {
            (session, lastTouched) = (entry.Session, entry.LastTouched);
            return true;
        }
        (session, lastTouched) = (null!, default);
        return false;
    }

    /// <summary>Remembers a session read in <paramref name="generation"/>, unless an invalidation happened since.</summary>
    public void Add(string hash, TokenSession session, DateTimeOffset lastTouched, long generation)
    {
        if (_byHash.Count >= MaxEntries) _byHash.Clear();
        _byHash[hash] = new Entry(session, lastTouched);
        // Added after an invalidation that the read may have missed: drop it again.
        if (Generation != generation) _byHash.TryRemove(hash, out _);
    }

    private void Invalidate(IReadOnlyList<EventRecord> events)
    {
        foreach (var e in events)
        {
            if (!ControlEvents.IsControl(e.Name)) continue;
            Interlocked.Increment(ref _generation);
            var tokenId = ControlEvents.TokenIdOf(e);
            var entities = ControlEvents.ChangedEntitiesOf(e);
            foreach (var (hash, entry) in _byHash)
            {
                var revoked = tokenId is { } id ? entry.Session.TokenId == id : entities.Contains(entry.Session.Entity.Id);
                if (revoked) _byHash.TryRemove(hash, out _);
            }
        }
    }

    private sealed record Entry(TokenSession Session, DateTimeOffset LastTouched);
}
