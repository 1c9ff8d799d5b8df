using LiteDB;

namespace Microchat.Storage.LiteDb;

/// <summary>
/// The open database, and its recovery from an I/O failure (a full disk). LiteDB 5 cannot be
/// trusted after a commit or checkpoint fails half-way: the failed transaction cannot be rolled
/// back ("discarded page must be writable"), keeps its locks, and later writes hang on them or the
/// engine closes itself. So the failed engine is dropped whole and the files are opened again, which
/// replays the log: every acknowledged commit is in it, the half-written one is not confirmed and is
/// ignored. Until a write succeeds again, writes are refused at once (<see cref="WritesRefused"/>)
/// and retried every <see cref="RetryInterval"/>; reads go on, on the old engine until a new one opens.
/// </summary>
internal sealed class ReopenableDatabase : IDisposable
{
    /// <summary>How long writes are refused after a failure before one is tried again.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private readonly Func<LiteDbSession> _open;
    // Reads hold it shared; swapping sessions holds it exclusively, so no read runs on a closing engine.
    private readonly ReaderWriterLockSlim _swap = new(LockRecursionPolicy.SupportsRecursion);
    private LiteDbSession _session;
    private bool _stale;
    private DateTime _refuseUntil;

    public ReopenableDatabase(Func<LiteDbSession> open)
    {
        _open = open;
        _session = open();
    }

    /// <summary>The engine; on the writer thread, the only one that swaps it.</summary>
    public LiteDatabase Current => _session.Database;

    /// <summary>The last I/O failure, or null once a write succeeds again.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>True while the engine in use is the one that failed (the files could not be opened again yet).</summary>
    public bool NeedsReopen => _stale;

    /// <summary>True while writes are refused after a failure; once the wait is over, opens the files again if needed.</summary>
    public bool WritesRefused
    {
        get
        {
            if (LastError is null || DateTime.UtcNow < _refuseUntil) return LastError is not null;
            if (_stale && !TryReopen())
            {
                _refuseUntil = DateTime.UtcNow + RetryInterval;
                return true;
            }
            // Let the next batch try: it clears the failure by committing, or fails again and waits again.
            return false;
        }
    }

    /// <summary>Runs a read on another thread than the writer's.</summary>
    public T Read<T>(Func<LiteDatabase, T> read)
    {
        _swap.EnterReadLock();
        try
        {
            return read(_session.Database);
        }
        finally
        {
            _swap.ExitReadLock();
        }
    }

    /// <summary>Flushes the log to the disk (Durable); a failure is a failed commit.</summary>
    public void FlushLog() => _session.FlushLog();

    /// <summary>Called on the writer thread when a commit or checkpoint failed: refuse writes for a while, open the files again.</summary>
    public void Failed(Exception error)
    {
        LastError = error;
        _stale = true;
        _refuseUntil = DateTime.UtcNow + RetryInterval;
        TryReopen();
    }

    /// <summary>Called on the writer thread after a commit succeeded.</summary>
    public void Succeeded() => LastError = null;

    /// <summary>Opens the files again if the engine in use is the failed one; true once it is not.</summary>
    public bool TryReopen()
    {
        if (!_stale) return true;
        LiteDbSession fresh;
        try
        {
            fresh = _open();
        }
        catch (Exception e)
        {
            // The old engine goes on serving reads if it can; the writer tries again later.
            LastError = e;
            return false;
        }

        LiteDbSession old;
        _swap.EnterWriteLock();
        try
        {
            old = _session;
            _session = fresh;
            _stale = false;
        }
        finally
        {
            _swap.ExitWriteLock();
        }
        old.Dispose();
        return true;
    }

    public void Dispose()
    {
        _session.Dispose();
        _swap.Dispose();
    }
}
