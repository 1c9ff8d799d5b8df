namespace Microchat.Storage;

/// <summary>
/// Runs a request's writes as one commit: its state, its events and its idempotency record are
/// kept together or not at all. Supplied by the storage provider, which also decides how units
/// are serialised (one writer thread for LiteDB; row and advisory locks for a database server).
/// </summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction while holding <paramref name="lockKeys"/>
    /// (units naming a common key never overlap, on any host); store calls made by the work join
    /// the transaction. A unit started inside another joins the outer one. When the work throws,
    /// nothing it wrote is kept.
    /// </summary>
    ValueTask<T> RunAsync<T>(IReadOnlyCollection<string> lockKeys, Func<CancellationToken, ValueTask<T>> work,
        CancellationToken cancellationToken);
}
