using Microchat.Server.Telemetry;
using Microchat.Server.Authentication;
using Microchat.Server.Events;
using Microchat.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Microchat.Server.Endpoints;

/// <summary>The Server-Sent Events stream: <c>GET /events</c>.</summary>
internal static class EventEndpoints
{
    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder api)
    {
        api.MapGet("/events", Stream)
            .WithMetadata(AllowsQueryTokenMetadata.Instance)
            .WithTags("Events")
            .WithName("StreamEvents")
            .WithSummary("Stream the caller's events (Server-Sent Events), resuming after Last-Event-ID.")
            .WithDescription("Each event has an increasing id:, an event: name (message_created, message_edited, message_deleted, "
                + "chat_updated, avatar_changed, chat_deleted, member_added, member_removed, permissions_changed, read) and JSON data:. "
                + "The stream opens at once with a heartbeat (or a reset) whose id: is its starting position; heartbeats without an id: "
                + "follow whenever it is quiet. Resume with the Last-Event-ID header or ?last_event_id=; an id past retention, never "
                + "issued or malformed begins the stream with reset (refetch, then go on). Accepts ?access_token= for EventSource.")
            .ProducesProblems(401)
            .RefusedWhileWebhookIsSet();
        return api;
    }

    // EventSource re-sends the URL it was opened with (so any ?last_event_id=) plus a newer
    // Last-Event-ID header on every reconnect: the header wins. Both are read as text, so a value
    // that is not an id is never a binding failure: it makes the stream begin with a reset.
    private static EventStreamResult Stream(
        Caller caller,
        EventStream events,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventIdHeader,
        [FromQuery(Name = "last_event_id")] string? lastEventIdQuery,
        MicrochatTelemetry telemetry,
        CancellationToken ct) =>
        new(events.ReadAsync(caller, Nonempty(lastEventIdHeader) ?? Nonempty(lastEventIdQuery), ct), telemetry);

    private static string? Nonempty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
