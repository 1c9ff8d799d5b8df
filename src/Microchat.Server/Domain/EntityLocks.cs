namespace Microchat.Server.Domain;

/// <summary>
/// Serialises the read-change-write sequences on one entity inside this process: two PATCHes of a
/// conference's fields, two admins changing one member's flags, a join racing the conference's
/// deletion. Stores replace whole records, so without this the later write could undo the earlier.
/// Locks are striped by id and never nested, so they cannot deadlock.
/// </summary>
internal sealed class EntityLocks
{
    private const int Stripes = 128;
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>Waits for the entity's lock; dispose the result to release it.</summary>
    public async ValueTask<Releaser> AcquireAsync(long entityId, CancellationToken ct)
    {
        var stripe = _stripes[(int)((ulong)entityId % Stripes)];
        await stripe.WaitAsync(ct);
        return new Releaser(stripe);
    }

    /// <summary>Releases a held lock once.</summary>
    public readonly struct Releaser(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
