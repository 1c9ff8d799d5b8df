namespace Microchat.Storage.LiteDb;

/// <summary>One queued unit of work of <see cref="GroupCommitWriter"/>, and the events it appended.</summary>
internal abstract class WriteItem
{
    /// <summary>True once the unit has written in the running attempt: its failure then needs a rollback.</summary>
    public bool Wrote { get; set; }

    /// <summary>True once the unit has been ended with an error.</summary>
    public bool Failed { get; protected set; }

    /// <summary>Events the unit appended in the running attempt, announced once it commits.</summary>
    public List<EventRecord> Events { get; } = [];

    /// <summary>Runs the unit; returns what it threw, or null.</summary>
    public abstract Exception? Execute();

    /// <summary>Ends the unit with the error it threw, or with the batch's commit failure.</summary>
    public abstract void Fail(Exception error);

    /// <summary>Acknowledges the unit: its writes are committed.</summary>
    public abstract void Complete();

    /// <summary>Ends a unit whose caller went away before it ran; true when it did.</summary>
    public abstract bool CancelIfRequested();
}

/// <inheritdoc />
internal sealed class WriteItem<T>(Func<ValueTask<T>> work, CancellationToken cancellationToken) : WriteItem
{
    private T? _result;

    public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The caller's execution context does not flow here: LiteDB keeps the open transaction in the
    // writer's own context, and running the work in another would hide it (and deadlock on it).
    public override Exception? Execute()
    {
        try
        {
            var running = work();
            // LiteDB's transaction belongs to this thread: a unit that awaited something truly
            // asynchronous would go on elsewhere, outside the transaction. That is a bug to surface.
            if (!running.IsCompleted)
                return new InvalidOperationException("A LiteDB unit of work must complete on the writer thread; it awaited something asynchronous.");
            _result = running.Result;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    public override void Fail(Exception error)
    {
        Failed = true;
        Completion.TrySetException(error);
    }

    public override void Complete() => Completion.TrySetResult(_result!);

    public override bool CancelIfRequested()
    {
        if (!cancellationToken.IsCancellationRequested) return false;
        Completion.TrySetCanceled(cancellationToken);
        return true;
    }
}
