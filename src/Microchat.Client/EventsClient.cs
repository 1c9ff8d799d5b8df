using System.Net;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>
/// The Server-Sent Events stream. <see cref="ListenAsync(CancellationToken)"/> keeps one stream
/// going until cancelled: it reconnects by itself with <c>Last-Event-ID</c> after any drop, so
/// the caller sees every event once, in order.
/// </summary>
public sealed partial class EventsClient : IEventsClient
{
    private const string EventStreamType = "text/event-stream";
    private readonly MicrochatTransport _transport;

    internal EventsClient(MicrochatTransport transport) => _transport = transport;

    /// <summary>The first wait before reconnecting after a failure (default 0.5 s); it doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan MinReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between reconnection attempts (default 30 s).</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a connection may stay silent before it is taken for dead and reopened (default 45 s;
    /// the server sends a heartbeat at least every 15 s). This, not <see cref="HttpClient.Timeout"/>,
    /// guards a long stream: the HttpClient's timeout only covers getting the response headers.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>The caller's events from now on, until cancelled (<c>GET /events</c>).</summary>
    public IAsyncEnumerable<MicrochatEvent> ListenAsync(CancellationToken cancellationToken) =>
        ListenAsync(null, cancellationToken);

    /// <summary>
    /// The caller's events after <paramref name="lastEventId"/> (an <see cref="MicrochatEvent.Id"/> you kept),
    /// or from now on when null, until cancelled. Drops, 5xx, 408 and 429 are retried with backoff;
    /// other refusals (401, 403, …) end the stream with <see cref="MicrochatApiException"/>.
    /// </summary>
    public async IAsyncEnumerable<MicrochatEvent> ListenAsync(string? lastEventId = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var delay = MinReconnectDelay;
        while (true)
        {
            var (response, retryAfter) = await ConnectAsync(lastEventId, cancellationToken);
            if (response is not null)
            {
                using (response)
                using (var alive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    var stream = await ReadStreamAsync(response, cancellationToken);
                    if (stream is not null)
                    {
                        await using var items = SseParser.Create(stream).EnumerateAsync(alive.Token).GetAsyncEnumerator(alive.Token);
                        while (true)
                        {
                            // Measures the server's silence, not the time the caller spends on an event.
                            alive.CancelAfter(IdleTimeout);
                            if (!await MoveNextAsync(items, cancellationToken)) break;
                            delay = MinReconnectDelay;
                            var item = items.Current;
                            if (!string.IsNullOrEmpty(item.EventId)) lastEventId = item.EventId;
                            if (item.EventType == EventNames.Heartbeat) continue;
                            // As in EventSource, an event's id is the stream's last id (every Microchat event has its own).
                            yield return MicrochatEventReader.Read(lastEventId ?? "", item.EventType, item.Data);
                        }
                    }
                }
            }

            var wait = retryAfter is { } asked && asked > delay ? asked : delay;
            _transport.Logger.Reconnecting(response is null ? "could not connect" : "connection ended", wait, lastEventId);
            await Task.Delay(wait, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
        }
    }

    /// <summary>Opens the stream; null when the attempt failed in a way worth retrying.</summary>
    private async Task<(HttpResponseMessage? Response, TimeSpan? RetryAfter)> ConnectAsync(string? lastEventId, CancellationToken ct)
    {
        try
        {
            var response = await _transport.SendRawAsync(new MicrochatRequest(HttpMethod.Get, "events")
            {
                Completion = HttpCompletionOption.ResponseHeadersRead,
                Retry = false,
                Configure = request =>
                {
                    request.Headers.Accept.ParseAdd(EventStreamType);
                    if (lastEventId is not null) request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
                },
            }, ct);
            if (response.Content.Headers.ContentType?.MediaType == EventStreamType) return (response, null);
            response.Dispose();
            throw new InvalidOperationException(
                $"GET {_transport.Address("events")} did not answer with an event stream: is the BaseAddress the Microchat API root?");
        }
        catch (MicrochatApiException e) when (IsTransient(e.StatusCode))
        {
            return (null, e.RetryAfter);
        }
        catch (MicrochatTransportException) when (!ct.IsCancellationRequested)
        {
            // No connection, or HttpClient.Timeout while waiting for the headers.
            return (null, null);
        }
    }

    private static async Task<Stream?> ReadStreamAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadAsStreamAsync(ct);
        }
        catch (Exception e) when (e is IOException or HttpRequestException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The next event, or false when the connection ended, broke or went silent for too long.</summary>
    private static async Task<bool> MoveNextAsync(IAsyncEnumerator<SseItem<string>> items, CancellationToken ct)
    {
        try
        {
            return await items.MoveNextAsync();
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // A reset connection, an idle timeout, a malformed stream: all mean "reconnect".
            return false;
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
