using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Microchat.Server.Telemetry;

/// <summary>
/// Microchat's metrics and traces, on the framework's own <see cref="Meter"/> and
/// <see cref="ActivitySource"/>, both named "Microchat": OpenTelemetry (AddMeter("Microchat"),
/// AddSource("Microchat")) and <c>dotnet-counters monitor --counters Microchat</c> pick them up.
/// </summary>
internal sealed class MicrochatTelemetry : IDisposable
{
    public const string Name = "Microchat";

    /// <summary>Traces of Microchat's own work (publishing, delivering, committing).</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;
    private readonly Counter<long> _messagesSent;
    private readonly Counter<long> _eventsPublished;
    private readonly Counter<long> _eventsDelivered;
    private readonly UpDownCounter<long> _openStreams;
    private readonly Histogram<double> _storeCommit;
    private readonly Counter<long> _webhookDeliveries;

    public MicrochatTelemetry(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        _messagesSent = _meter.CreateCounter<long>("microchat.messages.sent", "{message}", "Messages accepted for sending.");
        _eventsPublished = _meter.CreateCounter<long>("microchat.events.published", "{event}", "Events appended to the event log.");
        _eventsDelivered = _meter.CreateCounter<long>("microchat.events.delivered", "{event}", "Events written to event streams.");
        _openStreams = _meter.CreateUpDownCounter<long>("microchat.streams.open", "{stream}", "Event streams open now.");
        _storeCommit = _meter.CreateHistogram<double>("microchat.store.commit.duration", "s", "Time a unit of work waits for the store, from queueing to its commit.");
        _webhookDeliveries = _meter.CreateCounter<long>("microchat.webhooks.deliveries", "{delivery}", "Webhook delivery attempts, by outcome.");
    }

    /// <summary>One message sent; <paramref name="chatType"/> is "user", "bot" or "conference".</summary>
    public void MessageSent(string chatType) => _messagesSent.Add(1, new KeyValuePair<string, object?>("microchat.chat.type", chatType));

    /// <summary><paramref name="count"/> events appended to the log.</summary>
    public void EventsPublished(int count) => _eventsPublished.Add(count);

    /// <summary><paramref name="count"/> events written to one stream (or webhook).</summary>
    public void EventsDelivered(int count) => _eventsDelivered.Add(count);

    /// <summary>A stream opened; dispose the result when it closes.</summary>
    public IDisposable StreamOpened()
    {
        _openStreams.Add(1);
        return new StreamLease(_openStreams);
    }

    /// <summary>How long one unit of work took, from queueing to its commit (or failure).</summary>
    public void StoreCommitted(TimeSpan elapsed) => _storeCommit.Record(elapsed.TotalSeconds);

    /// <summary>One webhook delivery attempt and whether the bot acknowledged it.</summary>
    public void WebhookDelivered(bool acknowledged) =>
        _webhookDeliveries.Add(1, new KeyValuePair<string, object?>("microchat.webhook.outcome", acknowledged ? "acknowledged" : "failed"));

    /// <summary>Starts a trace span named <paramref name="name"/> when anyone listens; null otherwise.</summary>
    public static Activity? StartActivity(string name, ActivityKind kind = ActivityKind.Internal) => ActivitySource.StartActivity(name, kind);

    public void Dispose() => _meter.Dispose();

    private sealed class StreamLease(UpDownCounter<long> counter) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) counter.Add(-1);
        }
    }
}
