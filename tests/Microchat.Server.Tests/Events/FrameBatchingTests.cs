using System.Diagnostics.Metrics;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microchat.Server.Events;
using Microchat.Server.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Microchat.Server.Tests.Events;

/// <summary>
/// The stream's own writer: events encoded once and written as the framework's formatter would,
/// and what is ready together sent with one flush, still as separate events with their ids.
/// </summary>
public sealed class FrameBatchingTests
{
    [Theory]
    [InlineData("message_created", """{"chat":{"id":1},"text":"héllo ✓"}""", 42L)]
    [InlineData("heartbeat", "{}", null)]
    [InlineData("typing", "line one\nline two\r\nline three\rend", null)]
    [InlineData("chat_updated", "", 7L)]
    public async Task AFrame_IsByteForByteWhatTheFrameworksFormatterWrites(string name, string data, long? id)
    {
        var expected = new MemoryStream();
        await SseFormatter.WriteAsync(One(new SseItem<string>(data, name) { EventId = id?.ToString(System.Globalization.CultureInfo.InvariantCulture) }), expected);

        Assert.Equal(expected.ToArray(), SseFrame.Of(name, data, id).Bytes.ToArray());
    }

    [Fact]
    public async Task FramesReadyTogether_GoOutInOneFlush_AndParseAsSeparateEventsWithIds()
    {
        var later = new TaskCompletionSource();
        var body = new FlushCountingStream();
        var http = Context(body);
        var result = new EventStreamResult(Frames(later.Task), Telemetry());

        var running = result.ExecuteAsync(http);
        await body.Flushed.WaitAsync(TimeSpan.FromSeconds(10));
        var firstFlush = body.ToArray();
        later.SetResult();
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        // Five events were ready at once: one flush carried them, before the sixth was even due.
        Assert.Equal(2, body.Flushes);
        var batch = await ParseAsync(firstFlush);
        Assert.Equal(["1", "2", "3", "4", "5"], batch.Select(e => e.EventId));
        var all = await ParseAsync(body.ToArray());
        Assert.Equal(["1", "2", "3", "4", "5", "6"], all.Select(e => e.EventId));
        Assert.All(all, e => Assert.Equal("chat_updated", e.EventType));
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $$"""{"n":{{n}}}"""), all.Select(e => e.Data));
        Assert.Equal("text/event-stream", http.Response.ContentType);
        Assert.Equal("no-cache,no-store", http.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task ALongRun_IsFlushedInPieces_NotHeldToTheEnd()
    {
        var body = new FlushCountingStream();
        var result = new EventStreamResult(Many(2_000), Telemetry());

        await result.ExecuteAsync(Context(body));

        Assert.True(body.Flushes > 1, $"{body.Flushes} flush(es) for 2,000 events ready at once");
        Assert.Equal(2_000, (await ParseAsync(body.ToArray())).Count);
    }

    private static async IAsyncEnumerable<SseFrame> Frames(Task later)
    {
        for (var n = 1; n <= 5; n++) yield return SseFrame.Of("chat_updated", $$"""{"n":{{n}}}""", n);
        await later;
        yield return SseFrame.Of("chat_updated", """{"n":6}""", 6);
    }

    private static async IAsyncEnumerable<SseFrame> Many(int count)
    {
        await Task.Yield();
        var data = $$"""{"text":"{{new string('x', 200)}}"}""";
        for (var n = 1; n <= count; n++) yield return SseFrame.Of("message_created", data, n);
    }

    private static async IAsyncEnumerable<SseItem<string>> One(SseItem<string> item, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.CompletedTask;
        yield return item;
    }

    private static async Task<List<SseItem<string>>> ParseAsync(byte[] bytes)
    {
        var items = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(new MemoryStream(bytes)).EnumerateAsync()) items.Add(item);
        return items;
    }

    private static DefaultHttpContext Context(Stream body)
    {
        var http = new DefaultHttpContext();
        http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        return http;
    }

    private static MicrochatTelemetry Telemetry() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    /// <summary>A response body that counts the flushes that sent something (each a write to the socket).</summary>
    private sealed class FlushCountingStream : MemoryStream
    {
        private readonly TaskCompletionSource _flushed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _flushedLength;

        public int Flushes { get; private set; }

        public Task Flushed => _flushed.Task;

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            if (Length == _flushedLength) return Task.CompletedTask;
            _flushedLength = Length;
            Flushes++;
            _flushed.TrySetResult();
            return Task.CompletedTask;
        }
    }
}
