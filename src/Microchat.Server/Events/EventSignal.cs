namespace Microchat.Server.Events;

/// <summary>
/// Wakes every open stream when the log grows. Streams then read the store, so the store stays
/// the one source of truth and a missed wake-up costs at most one heartbeat's delay.
/// </summary>
internal sealed class EventSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the next <see cref="Notify"/>.</summary>
    public Task WaitAsync() => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
