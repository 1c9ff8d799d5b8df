namespace Microchat.Client;

/// <summary>The Server-Sent Events stream. Implemented by <see cref="EventsClient"/>; mock it in tests.</summary>
public interface IEventsClient
{
    /// <summary>The caller's events from now on, until cancelled (<c>GET /events</c>).</summary>
    IAsyncEnumerable<MicrochatEvent> ListenAsync(CancellationToken cancellationToken);

    /// <summary>The caller's events after <paramref name="lastEventId"/>, or from now on when null, until cancelled; reconnects by itself.</summary>
    IAsyncEnumerable<MicrochatEvent> ListenAsync(string? lastEventId = null, CancellationToken cancellationToken = default);
}
