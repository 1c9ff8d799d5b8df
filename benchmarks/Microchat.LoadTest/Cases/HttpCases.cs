using System.Globalization;
using Microchat.LoadTest.Infra;
using Microchat.LoadTest.Report;

namespace Microchat.LoadTest.Cases;

/// <summary>
/// The plain HTTP cases on one sample host and one baseline host: the write path against the
/// bare echo, one busy conference against as many dialogs, and reading 50 messages against the echo.
/// </summary>
internal static class HttpCases
{
    private static readonly byte[] SendBody = MicrochatApi.MessageBody("Hello from the load tool: a short chat message.");

    public static async Task RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        var writers = o.WriteConnections.Max();
        await using var host = await ctx.StartMicrochatAsync("http-microchat");
        await using var baseline = await ctx.StartBaselineAsync("http-baseline");
        using var setup = Http.Client(host.BaseAddress, 8);
        var api = new MicrochatApi(setup);

        ctx.Log($"registering {2 * writers} users (sender and receiver per connection)");
        var senders = await ctx.RegisterAsync(host, api, "s", writers);
        var receivers = await ctx.RegisterAsync(host, api, "r", writers, login: false);
        var paths = receivers.Select(r => $"/api/chats/@{r.Alias}/messages").ToArray();

        if (o.Runs("write"))
        {
            foreach (var connections in o.WriteConnections)
            {
                await Guard(ctx, "write path", async () =>
                {
                    var (write, echo) = await MeasureAsync(ctx, host, baseline, connections,
                        (c, i) => Http.SendAsync(c, HttpMethod.Post, paths[i], SendBody, senders[i].Token));
                    var ratio = write.PerSecond / echo.PerSecond;
                    ctx.Results.Throughput.Add(new ThroughputPoint("Microchat POST message", connections, write.PerSecond));
                    ctx.Results.Throughput.Add(new ThroughputPoint("bare echo", connections, echo.PerSecond));
                    ctx.Results.Figures[$"write.{connections}.rps"] = write.PerSecond;
                    ctx.Results.Figures[$"write.{connections}.p99_ms"] = write.Latencies.P99;
                    ctx.Results.Figures[$"echo.{connections}.rps"] = echo.PerSecond;
                    ctx.Results.Figures[$"write.{connections}.ratio"] = ratio;
                    ctx.Results.Add(new Row("write path", $"POST /api/chats/@x/messages ÷ bare echo, {connections} connections",
                        BenchContext.Rate(write), BenchContext.Rate(echo), BenchContext.Ratio(ratio), ">= 0.40", Verdict(ratio >= 0.40))
                    { Failed = FailedShare(write) });
                });
            }
        }

        if (o.Runs("conference"))
        {
            await Guard(ctx, "one busy conference", async () =>
            {
                ctx.Log($"creating one conference with {writers} members");
                await api.CreateConferenceAsync(senders[0], "busyconf");
                await api.JoinAsync("busyconf", senders.Skip(1));
                using var client = Http.Client(host.BaseAddress, writers);
                await ClosedLoop.RunAsync(writers, o.WarmupSeconds,
                    i => Http.SendAsync(client, HttpMethod.Post, "/api/chats/@busyconf/messages", SendBody, senders[i].Token));
                var (conference, dialogs) = await Interleaved.RunAsync(
                    () => ClosedLoop.RunAsync(writers, o.SegmentSeconds,
                        i => Http.SendAsync(client, HttpMethod.Post, "/api/chats/@busyconf/messages", SendBody, senders[i].Token)),
                    () => ClosedLoop.RunAsync(writers, o.SegmentSeconds,
                        i => Http.SendAsync(client, HttpMethod.Post, paths[i], SendBody, senders[i].Token)));
                var ratio = conference.PerSecond / dialogs.PerSecond;
                ctx.Results.Figures["conference.rps"] = conference.PerSecond;
                ctx.Results.Figures["conference.dialogs_rps"] = dialogs.PerSecond;
                ctx.Results.Add(new Row("one busy conference", $"{writers} writers into one conference ÷ {writers} writers into {writers} dialogs",
                    BenchContext.Rate(conference), BenchContext.Rate(dialogs), BenchContext.Ratio(ratio), ">= 0.8", Verdict(ratio >= 0.8))
                { Failed = FailedShare(conference) || FailedShare(dialogs) });
            });
        }

        if (o.Runs("reads"))
        {
            await Guard(ctx, "reads", async () =>
            {
                var n = o.ReadConnections;
                if (!o.Runs("write"))
                {
                    ctx.Log($"seeding 50 messages into each of {n} dialogs");
                    await Task.WhenAll(Enumerable.Range(0, n).Select(i => api.SeedAsync(senders[i], receivers[i].Alias, 50, 1)));
                }
                var readPaths = receivers.Select(r => $"/api/chats/@{r.Alias}/messages?count=50").ToArray();
                var (reads, echo) = await MeasureAsync(ctx, host, baseline, n,
                    (c, i) => Http.SendAsync(c, HttpMethod.Get, readPaths[i], null, senders[i].Token));
                var ratio = reads.PerSecond / echo.PerSecond;
                ctx.Results.Figures["reads.rps"] = reads.PerSecond;
                ctx.Results.Figures["reads.ratio"] = ratio;
                ctx.Results.Add(new Row("reads", $"GET 50 messages ÷ bare echo, {n} connections",
                    BenchContext.Rate(reads), BenchContext.Rate(echo), BenchContext.Ratio(ratio), ">= 0.30", Verdict(ratio >= 0.30))
                { Failed = FailedShare(reads) });
            });
        }
    }

    /// <summary>Microchat against the echo at one connection count: warm-up, then A,B,B,A,A,B.</summary>
    private static async Task<(Throughput Microchat, Throughput Echo)> MeasureAsync(BenchContext ctx, HostProcess host,
        HostProcess baseline, int connections, Func<HttpClient, int, Task<bool>> request)
    {
        var o = ctx.Options;
        using var microchat = Http.Client(host.BaseAddress, connections);
        using var echo = Http.Client(baseline.BaseAddress, connections);
        Task<bool> Echo(int _) => Http.SendAsync(echo, HttpMethod.Post, "/echo", SendBody, null);
        ctx.Log($"{connections} connections: warm-up, then six {o.SegmentSeconds:0.#} s segments");
        await ClosedLoop.RunAsync(connections, o.WarmupSeconds, i => request(microchat, i));
        await ClosedLoop.RunAsync(connections, o.WarmupSeconds, Echo);
        return await Interleaved.RunAsync(
            () => ClosedLoop.RunAsync(connections, o.SegmentSeconds, i => request(microchat, i)),
            () => ClosedLoop.RunAsync(connections, o.SegmentSeconds, Echo));
    }

    /// <summary>More than 1 % failed requests means the case did not run as meant (a 429, a 500 …).</summary>
    public static bool FailedShare(Throughput t) => t.Ok == 0 || t.Errors > (t.Ok + t.Errors) / 100;

    public static string Verdict(bool met) => met ? "meets the goal" : "below the goal";

    /// <summary>Runs one case; a failure becomes a failed row instead of ending the run.</summary>
    public static async Task Guard(BenchContext ctx, string name, Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception e)
        {
            ctx.Log($"{name} FAILED: {e}");
            ctx.Results.Add(new Row(name, "could not run", "", "", "", "", "FAILED: " + e.Message.ReplaceLineEndings(" ")) { Failed = true });
        }
    }

    public static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
