using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace Microchat.Server.Telemetry;

/// <summary>Counts an event stream as open while it runs, and the events it delivers.</summary>
internal static class TelemetryStreamExtensions
{
    public static async IAsyncEnumerable<SseItem<string>> Tracked(this IAsyncEnumerable<SseItem<string>> stream, MicrochatTelemetry telemetry,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var open = telemetry.StreamOpened();
        await foreach (var item in stream.WithCancellation(ct))
        {
            // Heartbeats carry no id: only real events count as delivered.
            if (item.EventId is not null && item.EventType is not "heartbeat" and not "reset") telemetry.EventsDelivered(1);
            yield return item;
        }
    }
}
