using System.Diagnostics;
using Microchat.LoadTest.Infra;
using Microchat.LoadTest.Report;

namespace Microchat.LoadTest.Cases;

/// <summary>
/// RSS and heap (after a forced GC) after a long stretch of mixed load against after the first
/// minute: paced writes in dialogs and a conference, paced reads, and open event streams.
/// A time series of one host, so it cannot be interleaved.
/// </summary>
internal static class MemoryCase
{
    private const int Streams = 32;
    private const double WritesPerSecondPerWriter = 10;
    private const double ReadsPerSecondPerReader = 10;

    public static async Task RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        var pairs = o.MemoryPairs;
        await using var host = await ctx.StartMicrochatAsync("memory-microchat");
        using var client = Http.Client(host.BaseAddress, 64);
        using var streamClient = Http.Client(host.BaseAddress, Streams + 8, Timeout.InfiniteTimeSpan);
        var api = new MicrochatApi(client);
        var users = await ctx.RegisterAsync(host, api, "mem", 2 * pairs);
        await api.CreateConferenceAsync(users[0], "memconf");
        await api.JoinAsync("memconf", users.Skip(1));
        await using var streams = await SubscriberSet.OpenAsync(Streams,
            i => new SseSubscriber(streamClient, "/api/events", users[i % users.Length].Token, null));

        var body = MicrochatApi.MessageBody("Mixed load: a short chat message with a link https://example.com/page");
        using var stop = new CancellationTokenSource();
        long ok = 0, failed = 0;
        async Task Paced(double perSecond, Func<long, Task<bool>> request)
        {
            var clock = Stopwatch.StartNew();
            for (long n = 0; !stop.IsCancellationRequested; n++)
            {
                var due = TimeSpan.FromSeconds(n / perSecond) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(due, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
                try
                {
                    if (await request(n)) Interlocked.Increment(ref ok);
                    else Interlocked.Increment(ref failed);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }
        var load = new List<Task>();
        for (var i = 0; i < 2 * pairs; i++)
        {
            var me = users[i];
            var peer = users[i ^ 1];
            load.Add(Paced(WritesPerSecondPerWriter, n => Http.SendAsync(client, HttpMethod.Post,
                n % 4 == 0 ? "/api/chats/@memconf/messages" : $"/api/chats/@{peer.Alias}/messages", body, me.Token)));
            load.Add(Paced(ReadsPerSecondPerReader, n => Http.SendAsync(client, HttpMethod.Get,
                n % 2 == 0 ? $"/api/chats/@{peer.Alias}/messages?count=50" : "/api/chats?count=20", null, me.Token)));
        }

        ctx.Log($"mixed load: {2 * pairs * WritesPerSecondPerWriter:0} writes/s, {2 * pairs * ReadsPerSecondPerReader:0} reads/s, {Streams} streams; "
            + $"checkpoints at {o.MemoryFirstSeconds:0} s and {o.MemoryTotalSeconds:0} s");
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(o.MemoryFirstSeconds));
        var firstGc = await host.ForceGcAsync();
        var firstRss = host.ReadRss();
        ctx.Log($"  at {clock.Elapsed.TotalSeconds:0} s: RSS {BenchContext.Bytes(firstRss)}, heap {BenchContext.Bytes(firstGc.Live)}");
        var remaining = TimeSpan.FromSeconds(o.MemoryTotalSeconds) - clock.Elapsed;
        while (remaining > TimeSpan.FromSeconds(1))
        {
            await Task.Delay(remaining < TimeSpan.FromMinutes(1) ? remaining : TimeSpan.FromMinutes(1));
            remaining = TimeSpan.FromSeconds(o.MemoryTotalSeconds) - clock.Elapsed;
            ctx.Log($"  at {clock.Elapsed.TotalSeconds:0} s: RSS {BenchContext.Bytes(host.ReadRss())}, {ok} requests, {failed} failed");
        }
        var lastGc = await host.ForceGcAsync();
        var lastRss = host.ReadRss();
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var ratio = (double)lastRss / firstRss;
        ctx.Results.Figures["memory.rss_ratio"] = ratio;
        ctx.Results.Figures["memory.heap_ratio"] = (double)lastGc.Live / firstGc.Live;
        var failedShare = failed > (ok + failed) / 100;
        ctx.Results.Add(new Row("memory under load", $"RSS after {o.MemoryTotalSeconds / 60:0.#} min of mixed load ÷ after {o.MemoryFirstSeconds / 60:0.#} min",
            $"RSS {BenchContext.Bytes(lastRss)}, heap {BenchContext.Bytes(lastGc.Live)}",
            $"RSS {BenchContext.Bytes(firstRss)}, heap {BenchContext.Bytes(firstGc.Live)}",
            BenchContext.Ratio(ratio) + $" (heap {BenchContext.Ratio((double)lastGc.Live / firstGc.Live)})", "<= 1.2",
            HttpCases.Verdict(ratio <= 1.2) + $"; {ok} requests, {failed} failed")
        { Failed = failedShare || ok == 0 });
    }
}
