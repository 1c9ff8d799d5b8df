using Microchat.LoadTest.Infra;
using Microchat.LoadTest.Report;

namespace Microchat.LoadTest.Cases;

/// <summary>
/// A 50-message page by <c>before</c> in a large dialog against a 1k one, and the oldest page
/// against the newest. History is seeded through the HTTP API (the store is being rewritten, so
/// the tool does not write its files behind the host's back).
/// </summary>
internal static class HistoryCase
{
    public static async Task RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        await using var host = await ctx.StartMicrochatAsync("history-microchat");
        using var setup = Http.Client(host.BaseAddress, 16);
        var api = new MicrochatApi(setup);
        var users = await ctx.RegisterAsync(host, api, "h", 3);
        var (reader, large, small) = (users[0], users[1], users[2]);
        ctx.Log($"seeding {o.HistoryLarge} + {o.HistorySmall} messages through the API");
        var seed = System.Diagnostics.Stopwatch.StartNew();
        await api.SeedAsync(reader, large.Alias, o.HistoryLarge, 8);
        await api.SeedAsync(reader, small.Alias, o.HistorySmall, 8);
        ctx.Log($"seeded at {(o.HistoryLarge + o.HistorySmall) / seed.Elapsed.TotalSeconds:0} msg/s");

        const int workers = 4;
        using var client = Http.Client(host.BaseAddress, workers);
        var random = new Random(7);
        string Middle(string alias, int total)
        {
            int before;
            lock (random) before = random.Next(total * 2 / 5, total * 3 / 5);
            return $"/api/chats/@{alias}/messages?count=50&before={before}";
        }
        Task<bool> Get(string path) => Http.SendAsync(client, HttpMethod.Get, path, null, reader.Token);
        Task<Throughput> Run(Func<string> path) => ClosedLoop.RunAsync(workers, o.SegmentSeconds, _ => Get(path()));

        await ClosedLoop.RunAsync(workers, o.WarmupSeconds, _ => Get(Middle(large.Alias, o.HistoryLarge)));
        await ClosedLoop.RunAsync(workers, o.WarmupSeconds, _ => Get(Middle(small.Alias, o.HistorySmall)));
        var (big, little) = await Interleaved.RunAsync(
            () => Run(() => Middle(large.Alias, o.HistoryLarge)), () => Run(() => Middle(small.Alias, o.HistorySmall)));
        var ratio = big.Latencies.P99 / little.Latencies.P99;
        ctx.Results.Figures["history.large.p99_ms"] = big.Latencies.P99;
        ctx.Results.Figures["history.small.p99_ms"] = little.Latencies.P99;
        ctx.Results.Add(new Row("history", $"p99 of a 50-message page by `before` at {o.HistoryLarge:N0} messages ÷ at {o.HistorySmall:N0}",
            P(big), P(little), BenchContext.Ratio(ratio), "<= 1.5", HttpCases.Verdict(ratio <= 1.5) + $" ({workers} connections)")
        { Failed = HttpCases.FailedShare(big) || HttpCases.FailedShare(little) });

        var oldestPath = $"/api/chats/@{large.Alias}/messages?count=50&before=51";
        var newestPath = $"/api/chats/@{large.Alias}/messages?count=50";
        var (oldest, newest) = await Interleaved.RunAsync(() => Run(() => oldestPath), () => Run(() => newestPath));
        var pageRatio = oldest.Latencies.P99 / newest.Latencies.P99;
        ctx.Results.Figures["history.oldest_newest"] = pageRatio;
        ctx.Results.Add(new Row("history", $"p99 of the oldest page ÷ the newest, at {o.HistoryLarge:N0} messages",
            P(oldest), P(newest), BenchContext.Ratio(pageRatio), "<= 1.5", HttpCases.Verdict(pageRatio <= 1.5))
        { Failed = HttpCases.FailedShare(oldest) || HttpCases.FailedShare(newest) });
    }

    private static string P(Throughput t) => $"p99 {BenchContext.Ms(t.Latencies.P99)} (p50 {BenchContext.Ms(t.Latencies.P50)}, {t.PerSecond:0} req/s)";
}
