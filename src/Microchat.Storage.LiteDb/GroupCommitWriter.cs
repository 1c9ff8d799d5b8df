using System.Collections.Concurrent;
using LiteDB;

namespace Microchat.Storage.LiteDb;

/// <summary>
/// The one thread that writes. Queued units of work are drained into one transaction per batch
/// and committed together (group commit): callers await their unit's commit without holding a
/// thread. A unit that throws is taken out and the rest of the batch runs again without it, so a
/// failed request leaves no trace and never takes others down with it. Checkpoints run here
/// between batches, never inside a request's commit. A commit or checkpoint the disk refuses (a full
/// disk) fails its batch with <see cref="StorageUnavailableException"/>; writes are then refused at
/// once until the files are opened again and a commit succeeds (<see cref="ReopenableDatabase"/>).
/// </summary>
internal sealed class GroupCommitWriter : IDisposable
{
    private const int MaxBatch = 256;
    // The log is moved into the data file once it is this large (LiteDB's own default, in pages of 8 KiB).
    private const long CheckpointLogPages = 1000;

    private readonly ReopenableDatabase _database;
    private readonly bool _flushLog;
    private readonly BlockingCollection<WriteItem> _queue = new();
    private readonly Thread _thread;
    private readonly List<Action<IReadOnlyList<EventRecord>>> _committedListeners = [];
    private volatile bool _checkpointRequested;
    private int _threadId;
    private long _logPagesSinceCheckpoint;
    private WriteItem? _current;

    public GroupCommitWriter(ReopenableDatabase database, bool flushLog)
    {
        _database = database;
        _flushLog = flushLog;
        _thread = new Thread(Run) { IsBackground = true, Name = "Microchat LiteDB writer" };
        _thread.Start();
    }

    /// <summary>True on the writer thread, where a store call joins the running batch.</summary>
    public bool IsWriterThread => Environment.CurrentManagedThreadId == Volatile.Read(ref _threadId);

    /// <summary>The last error a commit met (a full disk, say), or null once a commit succeeds again.</summary>
    public Exception? LastCommitError => _database.LastError;

    /// <summary>Commits in this process since start: for the commit-batching figures.</summary>
    public long Commits { get; private set; }

    /// <summary>Units of work committed since start.</summary>
    public long UnitsCommitted { get; private set; }

    /// <summary>Calls <paramref name="listener"/> on the writer thread after each commit with the events it appended, in id order.</summary>
    public void OnCommitted(Action<IReadOnlyList<EventRecord>> listener)
    {
        lock (_committedListeners) _committedListeners.Add(listener);
    }

    /// <summary>Records events appended by the running unit of work: they are announced once it commits.</summary>
    public void AddCommittedEvents(IEnumerable<EventRecord> events)
    {
        if (_current is null) throw new InvalidOperationException("Events can only be appended on the writer thread.");
        _current.Events.AddRange(events);
    }

    /// <summary>Runs a store write of the running unit, noting that the unit has written.</summary>
    public T WriteInUnit<T>(Func<T> write)
    {
        if (_current is not null) _current.Wrote = true;
        return write();
    }

    /// <summary>Queues a unit of work; it runs on the writer thread and must not leave it (every await completes synchronously).</summary>
    public ValueTask<T> RunAsync<T>(Func<ValueTask<T>> work, CancellationToken cancellationToken)
    {
        if (IsWriterThread) return work();
        var item = new WriteItem<T>(work, cancellationToken);
        try
        {
            _queue.Add(item, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(LiteDbStorage));
        }
        return new ValueTask<T>(item.Completion.Task);
    }

    /// <summary>Asks for a checkpoint at the next pause between batches.</summary>
    public void RequestCheckpoint()
    {
        _checkpointRequested = true;
        _queue.Add(new WriteItem<bool>(() => ValueTask.FromResult(true), CancellationToken.None));
    }

    private void Run()
    {
        Volatile.Write(ref _threadId, Environment.CurrentManagedThreadId);
        var batch = new List<WriteItem>(MaxBatch);
        while (!_queue.IsCompleted)
        {
            if (!TakeOrWait(out var first))
            {
                // No write came while the files could not be opened again: try again, for the reads.
                if (_database.NeedsReopen) _database.TryReopen();
                continue;
            }
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next)) batch.Add(next);
            CommitBatch(batch);
            batch.Clear();
            var checkpointDue = _checkpointRequested || (_queue.Count == 0 && _logPagesSinceCheckpoint >= CheckpointLogPages);
            if (checkpointDue && !_database.WritesRefused) Checkpoint();
        }
    }

    // Waits for the next unit; while the failed engine is still in use, only a while, so it is retried.
    private bool TakeOrWait(out WriteItem item)
    {
        try
        {
            if (_database.NeedsReopen) return _queue.TryTake(out item!, ReopenableDatabase.RetryInterval);
            item = _queue.Take();
            return true;
        }
        catch (InvalidOperationException)
        {
            // Disposed: the queue is complete and empty.
            item = null!;
            return false;
        }
    }

    private void CommitBatch(List<WriteItem> batch)
    {
        var pending = batch.Where(i => !i.CancelIfRequested()).ToList();
        if (pending.Count == 0) return;
        if (_database.WritesRefused)
        {
            // A full disk is not waited out with requests held: they are refused now, and may be sent again.
            FailAll(pending, _database.LastError);
            return;
        }
        try
        {
            while (pending.Count > 0)
            {
                if (RunInTransaction(pending) is null) return;
                // Rolled back: the units that failed are done; the rest run again without them.
                pending.RemoveAll(u => u.Failed);
            }
        }
        catch (Exception e)
        {
            // The engine itself failed (LiteDB refuses every call once it has met a fatal error):
            // nothing of this batch was acknowledged, and the writer must live on to say so to the next.
            EngineFailed(e, pending);
        }
    }

    private void EngineFailed(Exception error, List<WriteItem> units)
    {
        TryRollback();
        _database.Failed(error);
        FailAll(units, error);
    }

    private static void FailAll(List<WriteItem> units, Exception? cause)
    {
        foreach (var unit in units) unit.Fail(new StorageUnavailableException("The store could not commit the write; nothing of it was kept.", cause));
    }

    // Runs every unit in one transaction and commits; returns the unit that threw (after rolling
    // the whole transaction back), or null once committed.
    private WriteItem? RunInTransaction(List<WriteItem> units)
    {
        _database.Current.BeginTrans();
        var committed = new List<WriteItem>(units.Count);
        foreach (var unit in units)
        {
            _current = unit;
            unit.Events.Clear();
            unit.Wrote = false;
            Exception? error;
            try
            {
                error = unit.Execute();
            }
            finally
            {
                _current = null;
            }
            if (error is null)
            {
                committed.Add(unit);
                continue;
            }

            if (EngineFailures.IsEngineFailure(error))
            {
                // Not the unit's fault: the disk or the engine under it failed, and the batch with it.
                EngineFailed(error, units);
                return null;
            }
            unit.Fail(error);
            // Most failures are a rule refusing before anything was written: the batch goes on.
            if (!unit.Wrote) continue;
            // Written, then failed: only a rollback undoes it, and the others run again without it.
            if (TryRollback()) return unit;
            // A rollback that fails leaves the transaction (and its locks) on this thread: the engine is done for.
            EngineFailed(new StorageUnavailableException("The store could not undo a failed write.", null), units);
            return null;
        }
        units = committed;

        try
        {
            _database.Current.Commit();
            if (_flushLog) _database.FlushLog();
        }
        catch (Exception e)
        {
            // The store could not persist the batch (a full disk, say): none of it was acknowledged.
            // The engine is left half-way through the commit and is replaced before the next write.
            EngineFailed(e, units);
            return null;
        }
        _database.Succeeded();

        Commits++;
        UnitsCommitted += units.Count;
        _logPagesSinceCheckpoint += 1 + units.Count;
        Announce(units);
        foreach (var unit in units) unit.Complete();
        return null;
    }

    private void Announce(List<WriteItem> units)
    {
        var events = units.SelectMany(u => u.Events).ToList();
        if (events.Count > 0) Announce(events);
    }

    /// <summary>Tells the listeners of events; called after each commit, and for events that are never stored.</summary>
    public void Announce(IReadOnlyList<EventRecord> events)
    {
        Action<IReadOnlyList<EventRecord>>[] listeners;
        lock (_committedListeners) listeners = [.. _committedListeners];
        foreach (var listener in listeners) listener(events);
    }

    private void Checkpoint()
    {
        _checkpointRequested = false;
        try
        {
            _database.Current.Checkpoint();
            _logPagesSinceCheckpoint = 0;
        }
        catch (Exception e)
        {
            // A checkpoint that cannot write (a full disk) is retried once writes succeed again; the
            // log still holds every commit, and the data pages it copied are copied again.
            _checkpointRequested = true;
            _database.Failed(e);
        }
    }

    private bool TryRollback()
    {
        try
        {
            _database.Current.Rollback();
            return true;
        }
        catch (Exception)
        {
            // After a failed commit LiteDB cannot undo the pages it half wrote; the engine is replaced.
            return false;
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        if (_thread.IsAlive && !IsWriterThread) _thread.Join();
        // The failed engine still in use holds its broken transaction's lock: a checkpoint would wait a minute for it.
        if (_database.NeedsReopen) return;
        try
        {
            _database.Current.Checkpoint();
        }
        catch (Exception)
        {
            // The log keeps every commit; LiteDB replays it at the next open.
        }
    }
}
