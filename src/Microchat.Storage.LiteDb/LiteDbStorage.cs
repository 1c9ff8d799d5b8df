using LiteDB;

namespace Microchat.Storage.LiteDb;

/// <summary>
/// The one <see cref="LiteDatabase"/> of a file in this process, and the only way stores touch it.
/// LiteDB 5 binds an explicit transaction to the OS thread and has no async API, so every call
/// here is synchronous and returns materialised results: no transaction or open query ever
/// crosses an <c>await</c>. Writes go one at a time through a lock, which also keeps their
/// read-check-write sequences (next id, alias uniqueness, join-once) atomic.
/// </summary>
internal sealed class LiteDbStorage : IDisposable
{
    // LiteDB allows at most 100 open transactions; every read opens one implicitly.
    private const int MaxConcurrentReads = 64;

    private readonly LiteDatabase _database;
    private readonly Lock _writeLock = new();
    private readonly SemaphoreSlim _readers = new(MaxConcurrentReads, MaxConcurrentReads);
    private bool _disposed;

    public LiteDbStorage(LiteDatabase database)
    {
        _database = database;
    }

    /// <summary>Creates collections' indexes; each store calls it once, when it is created.</summary>
    public void EnsureSchema(Action<LiteDatabase> ensure)
    {
        lock (_writeLock) ensure(_database);
    }

    /// <summary>Runs a read; <paramref name="read"/> must materialise what it returns (ToList()).</summary>
    public T Read<T>(Func<LiteDatabase, T> read)
    {
        _readers.Wait();
        try
        {
            return read(_database);
        }
        finally
        {
            _readers.Release();
        }
    }

    /// <summary>Runs a write in one transaction, serialised with every other write.</summary>
    public T Write<T>(Func<LiteDatabase, T> write)
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _database.BeginTrans();
            try
            {
                var result = write(_database);
                _database.Commit();
                return result;
            }
            catch
            {
                _database.Rollback();
                throw;
            }
        }
    }

    /// <summary>Runs a write that returns nothing.</summary>
    public void Write(Action<LiteDatabase> write) => Write(db =>
    {
        write(db);
        return true;
    });

    /// <summary>Moves the log into the data file, so the log does not grow without bound.</summary>
    public void Checkpoint()
    {
        lock (_writeLock)
        {
            if (!_disposed) _database.Checkpoint();
        }
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed) return;
            _disposed = true;
            _database.Checkpoint();
            _database.Dispose();
        }
    }
}
