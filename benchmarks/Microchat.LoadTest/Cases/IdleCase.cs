using Microchat.LoadTest.Infra;
using Microchat.LoadTest.Report;

namespace Microchat.LoadTest.Cases;

/// <summary>
/// Memory per idle subscriber: heap (live bytes after a forced full GC, through the startup hook)
/// and RSS with N streams open minus with none, divided by N; Microchat's event stream against a
/// bare SSE channel and a bare keep-alive response.
/// </summary>
internal static class IdleCase
{
    public static async Task RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        var n = o.IdleStreams;
        await using var host = await ctx.StartMicrochatAsync("idle-microchat");
        await using var baseline = await ctx.StartBaselineAsync("idle-baseline");
        using var setup = Http.Client(host.BaseAddress, 8);
        ctx.Log($"registering {o.IdleUsers} users for {n} idle streams");
        var users = await ctx.RegisterAsync(host, new MicrochatApi(setup), "idle", o.IdleUsers);

        using var microchatClient = Http.Client(host.BaseAddress, n + 8, Timeout.InfiniteTimeSpan);
        using var bareClient = Http.Client(baseline.BaseAddress, n + 8, Timeout.InfiniteTimeSpan);
        // Touch each path once so JIT and first-use allocations are in the "before" figure too.
        await MeasureAsync(host, 8, i => new SseSubscriber(microchatClient, "/api/events", users[i % users.Length].Token, null));
        await MeasureAsync(baseline, 8, _ => new SseSubscriber(bareClient, "/sse", null, null));
        await MeasureAsync(baseline, 8, _ => new SseSubscriber(bareClient, "/keepalive", null, null));

        ctx.Log($"opening {n} idle streams on each");
        var microchat = await MeasureAsync(host, n, i => new SseSubscriber(microchatClient, "/api/events", users[i % users.Length].Token, null));
        var bare = await MeasureAsync(baseline, n, _ => new SseSubscriber(bareClient, "/sse", null, null));
        var keepAlive = await MeasureAsync(baseline, n, _ => new SseSubscriber(bareClient, "/keepalive", null, null));

        ctx.Results.Figures["idle.microchat.heap_per_stream"] = microchat.Heap;
        ctx.Results.Figures["idle.microchat.rss_per_stream"] = microchat.Rss;
        ctx.Results.Figures["idle.bare_sse.heap_per_stream"] = bare.Heap;
        ctx.Results.Figures["idle.keepalive.heap_per_stream"] = keepAlive.Heap;
        string Side((double Heap, double Rss, string Gc) m) => $"heap {BenchContext.Bytes(m.Heap)}, RSS {BenchContext.Bytes(m.Rss)} per stream";
        var toBare = microchat.Heap / bare.Heap;
        ctx.Results.Add(new Row("idle streams", $"heap per idle subscriber at {n} (after a forced GC) ÷ bare SSE",
            Side(microchat), Side(bare), BenchContext.Ratio(toBare) + $" (RSS {BenchContext.Ratio(microchat.Rss / bare.Rss)})",
            "<= 1.2, <= 20 KB", HttpCases.Verdict(toBare <= 1.2 && microchat.Heap <= 20 * 1024) + $"; {microchat.Gc} GC, {o.IdleUsers} users"));
        ctx.Results.Add(new Row("idle streams", $"heap per idle subscriber at {n} ÷ bare keep-alive",
            Side(microchat), Side(keepAlive), BenchContext.Ratio(microchat.Heap / keepAlive.Heap) + $" (RSS {BenchContext.Ratio(microchat.Rss / keepAlive.Rss)})",
            "report", ""));
    }

    /// <summary>(live heap, RSS) with the streams open minus before, per stream.</summary>
    private static async Task<(double Heap, double Rss, string Gc)> MeasureAsync(HostProcess host, int n, Func<int, ISubscriber> open)
    {
        var before = await host.ForceGcAsync();
        var rssBefore = host.ReadRss();
        await using var set = await SubscriberSet.OpenAsync(n, open, batch: 100);
        await Task.Delay(1000);
        var after = await host.ForceGcAsync();
        var rssAfter = host.ReadRss();
        return ((double)(after.Live - before.Live) / n, (double)(rssAfter - rssBefore) / n, after.Mode);
    }
}
