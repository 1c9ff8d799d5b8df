namespace Microchat.Storage.LiteDb;

/// <summary>
/// Units of work on the one writer thread. Lock keys need no lock here: the writer runs one unit
/// at a time, so every unit already sees everything committed or written before it in its batch.
/// </summary>
internal sealed class LiteDbUnitOfWork(LiteDbStorage storage) : IUnitOfWork
{
    public ValueTask<T> RunAsync<T>(IReadOnlyCollection<string> lockKeys, Func<CancellationToken, ValueTask<T>> work,
        CancellationToken cancellationToken) =>
        // Once running, a unit is not cancelled half-way: it commits whole or fails whole.
        storage.Writer.RunAsync(() => work(CancellationToken.None), cancellationToken);
}
