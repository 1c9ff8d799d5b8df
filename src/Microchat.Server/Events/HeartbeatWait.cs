namespace Microchat.Server.Events;

/// <summary>
/// The token a stream waits on for its next event: cancelled when the stream ends or when the
/// heartbeat falls due. One source per stream, re-armed for each wait: a busy conference makes
/// every stream wait once per event, and a new linked source and timer each time (tens of
/// thousands a second at a thousand streams) was a cost of its own.
/// </summary>
internal sealed class HeartbeatWait(CancellationToken stream) : IDisposable
{
    private CancellationTokenSource _source = CancellationTokenSource.CreateLinkedTokenSource(stream);

    /// <summary>Arms the heartbeat <paramref name="after"/> from now and returns the token to wait on.</summary>
    public CancellationToken Start(TimeSpan after)
    {
        // A source whose heartbeat fired cannot be reset: the next wait gets a fresh one.
        if (!_source.TryReset())
        {
            _source.Dispose();
            _source = CancellationTokenSource.CreateLinkedTokenSource(stream);
        }
        _source.CancelAfter(after);
        return _source.Token;
    }

    public void Dispose() => _source.Dispose();
}
