using System.Buffers;
using System.Net.ServerSentEvents;
using System.Reflection;
using Microchat.Server.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Microchat.Server.Events;

/// <summary>
/// Writes an event stream's pre-encoded frames to the response. Unlike the framework's
/// <c>ServerSentEventsResult</c>, which flushes after every item, it flushes when the stream has
/// nothing more ready: a stream that fell behind sends what queued up in one write, and one
/// that keeps up still gets every event at once. Headers and bytes are the framework's.
/// </summary>
internal sealed class EventStreamResult(IAsyncEnumerable<SseFrame> frames, MicrochatTelemetry telemetry)
    : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    // A long replay still goes out in pieces rather than all at the end.
    private const int FlushThreshold = 32 * 1024;

    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache,no-store";
        response.Headers.Pragma = "no-cache";
        response.Headers.ContentEncoding = "identity";
        httpContext.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();

        var ct = httpContext.RequestAborted;
        var writer = response.BodyWriter;
        using var open = telemetry.StreamOpened();
        var unflushed = 0;
        await using var items = frames.GetAsyncEnumerator(ct);
        while (true)
        {
            var next = items.MoveNextAsync();
            // About to wait for the next event: send what is written so far first.
            if (!next.IsCompleted && unflushed > 0)
            {
                await writer.FlushAsync(ct);
                unflushed = 0;
            }
            if (!await next) break;

            var frame = items.Current;
            if (!response.HasStarted) await response.StartAsync(ct);
            writer.Write(frame.Bytes.Span);
            unflushed += frame.Bytes.Length;
            if (frame.Delivers) telemetry.EventsDelivered(1);
            if (unflushed >= FlushThreshold)
            {
                await writer.FlushAsync(ct);
                unflushed = 0;
            }
        }
        if (unflushed > 0) await writer.FlushAsync(ct);
    }

    // The same OpenAPI description as the framework's result for SseItem<string>.
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(SseItem<string>), ["text/event-stream"]));
}
