using System.Globalization;
using Microchat.LoadTest.Infra;
using Microchat.LoadTest.Report;

namespace Microchat.LoadTest.Cases;

/// <summary>
/// The write path and fan-out on the PostgreSQL store against LiteDB, both the sample host: first
/// one PostgreSQL host, then two on the same database (writes sent round-robin; subscribers split
/// across the hosts and every send to the first, so half of each fan-out crosses hosts through
/// LISTEN/NOTIFY). The second PostgreSQL host starts only after the one-host rows, so its event
/// feed does not load the database meanwhile. Without a server (<see cref="PostgresDatabase.Variable"/>
/// unset) the row says so and the run goes on.
/// </summary>
internal static class PostgresCase
{
    private const string Case = "PostgreSQL";
    private const string Conference = "pgfan";
    private static readonly byte[] Body = MicrochatApi.MessageBody("Hello from the load tool: a short chat message.");

    /// <summary>One side of the comparison: its hosts (sends go to the first) and its users, registered once.</summary>
    private sealed record Side(string Label, HostProcess[] Hosts, BenchUser Owner, BenchUser[] Members);

    public static async Task RunAsync(BenchContext ctx)
    {
        if (PostgresDatabase.Configured() is not { } server)
        {
            ctx.Results.Add(new Row(Case, "write path and fan-out on PostgreSQL (1 host, then 2) ÷ LiteDB", "", "", "", "report",
                $"not run: no PostgreSQL (set {PostgresDatabase.Variable})"));
            return;
        }

        var o = ctx.Options;
        var connections = o.PostgresConnections;
        // Writer i sends to member connections + i; the fan-out's subscribers are the first N members.
        var users = Math.Max(o.PostgresFanOut, 2 * connections);
        await using var database = await PostgresDatabase.CreateAsync(server);
        ctx.Log($"PostgreSQL: fresh database {database.Name}");
        await using var lite = await ctx.StartMicrochatAsync("pg-litedb");
        await using var pgA = await ctx.StartMicrochatOnPostgresAsync("pg-host-a", database.ConnectionString);
        var liteSide = await SetUpAsync(ctx, "LiteDB", [lite], users);
        var pgSide = await SetUpAsync(ctx, "PostgreSQL 1 host", [pgA], users);

        await WriteAsync(ctx, database, pgSide, liteSide, "1host", "PostgreSQL 1 host");
        await FanOutAsync(ctx, database, pgSide, liteSide, "1host", "PostgreSQL 1 host");

        await using var pgB = await ctx.StartMicrochatOnPostgresAsync("pg-host-b", database.ConnectionString);
        var twoHosts = pgSide with { Label = "PostgreSQL 2 hosts", Hosts = [pgA, pgB] };
        await WriteAsync(ctx, database, twoHosts, liteSide, "2hosts", "2 PostgreSQL hosts on one database, round-robin");
        await FanOutAsync(ctx, database, twoHosts, liteSide, "2hosts",
            "PostgreSQL 2 hosts (subscribers split, sends to one)");
    }

    private static async Task<Side> SetUpAsync(BenchContext ctx, string label, HostProcess[] hosts, int users)
    {
        using var setup = Http.Client(hosts[0].BaseAddress, 8);
        var api = new MicrochatApi(setup);
        ctx.Log($"{label}: registering {users + 1} users and a conference of {ctx.Options.PostgresFanOut}");
        var owner = (await ctx.RegisterAsync(hosts[0], api, "owner", 1))[0];
        var members = await ctx.RegisterAsync(hosts[0], api, "m", users);
        await api.CreateConferenceAsync(owner, Conference);
        await api.JoinAsync(Conference, members.Take(ctx.Options.PostgresFanOut));
        return new Side(label, hosts, owner, members);
    }

    /// <summary>POST message at a fixed number of connections: PostgreSQL (round-robin over its hosts) ÷ LiteDB, A,B,B,A,A,B.</summary>
    private static async Task WriteAsync(BenchContext ctx, PostgresDatabase database, Side pg, Side lite, string key, string label)
    {
        var o = ctx.Options;
        var n = o.PostgresConnections;
        var pgClients = pg.Hosts.Select(h => Http.Client(h.BaseAddress, n)).ToArray();
        using var liteClient = Http.Client(lite.Hosts[0].BaseAddress, n);
        try
        {
            var turn = 0;
            Task<bool> Pg(int i) => Send(pgClients[(int)((uint)Interlocked.Increment(ref turn) % pgClients.Length)], pg, i, n);
            Task<bool> Lite(int i) => Send(liteClient, lite, i, n);
            ctx.Log($"{label}: write path, {n} connections: warm-up, then six {o.SegmentSeconds:0.#} s segments");
            await ClosedLoop.RunAsync(n, o.WarmupSeconds, Pg);
            await ClosedLoop.RunAsync(n, o.WarmupSeconds, Lite);
            var active = new List<List<string>>();
            var pgCpu = new CpuMeter(pg.Hosts.Select(h => h.Pid).ToArray());
            var liteCpu = new CpuMeter([lite.Hosts[0].Pid]);
            var (a, b) = await Interleaved.RunAsync(
                () => Measured(pgCpu, database, active, () => ClosedLoop.RunAsync(n, o.SegmentSeconds, Pg)),
                () => Measured(liteCpu, null, active, () => ClosedLoop.RunAsync(n, o.SegmentSeconds, Lite)));
            var ratio = a.PerSecond / b.PerSecond;
            var meanActive = active.Count == 0 ? double.NaN : active.Average(a => a.Count);
            ctx.Results.Figures[$"postgres.write.{key}.rps"] = a.PerSecond;
            ctx.Results.Figures[$"postgres.write.{key}.p99_ms"] = a.Latencies.P99;
            ctx.Results.Figures[$"postgres.write.{key}.litedb_rps"] = b.PerSecond;
            ctx.Results.Figures[$"postgres.write.{key}.ratio"] = ratio;
            ctx.Results.Figures[$"postgres.write.{key}.active_backends"] = meanActive;
            ctx.Results.Figures[$"postgres.write.{key}.host_cores"] = pgCpu.HostCores;
            ctx.Results.Figures[$"postgres.write.{key}.postgres_cores"] = pgCpu.PostgresCores;
            ctx.Results.Figures[$"postgres.write.{key}.litedb_host_cores"] = liteCpu.HostCores;
            ctx.Results.Add(new Row(Case, $"write path: POST /api/chats/@x/messages, {n} connections, {label} ÷ LiteDB 1 host",
                BenchContext.Rate(a), BenchContext.Rate(b), BenchContext.Ratio(ratio), "report",
                string.Create(CultureInfo.InvariantCulture, $"PostgreSQL side: {pgCpu.Describe()}, backends running a statement {meanActive:0.#} of {n} on average ({Waits(active)}); LiteDB host {liteCpu.HostCores:0.00} cores"))
            { Failed = HttpCases.FailedShare(a) || HttpCases.FailedShare(b) });
        }
        finally
        {
            foreach (var c in pgClients) c.Dispose();
        }
    }

    private static Task<bool> Send(HttpClient client, Side side, int i, int connections) =>
        Http.SendAsync(client, HttpMethod.Post, $"/api/chats/@{side.Members[connections + i].Alias}/messages", Body, side.Members[i].Token);

    /// <summary>Runs a segment under the CPU meter and, for PostgreSQL, samples the database's active backends every 200 ms.</summary>
    private static async Task<T> Measured<T>(CpuMeter cpu, PostgresDatabase? database, List<List<string>> samples, Func<Task<T>> segment)
    {
        using var stop = new CancellationTokenSource();
        var sampler = database is null ? Task.CompletedTask : Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                samples.Add(await database.ActiveBackendsAsync());
                try
                {
                    await Task.Delay(200, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
        cpu.Start();
        var result = await segment();
        cpu.Stop();
        await stop.CancelAsync();
        await sampler;
        return result;
    }

    /// <summary>The three commonest things the active backends were seen waiting on, with their share of the samples.</summary>
    private static string Waits(List<List<string>> samples)
    {
        var all = samples.SelectMany(s => s).ToList();
        if (all.Count == 0) return "none seen";
        return string.Join(", ", all.GroupBy(w => w).OrderByDescending(g => g.Count()).Take(3)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {100.0 * g.Count() / all.Count:0}%")));
    }

    /// <summary>
    /// One conference of N subscribers on each side, a message every 1/rate s from its owner to the
    /// first host: rounds PostgreSQL, LiteDB, LiteDB, PostgreSQL after a warm-up round each.
    /// </summary>
    private static async Task FanOutAsync(BenchContext ctx, PostgresDatabase database, Side pg, Side lite, string key, string label)
    {
        var o = ctx.Options;
        var n = o.PostgresFanOut;
        var recorder = new FanOutRecorder();
        var sendTimeout = TimeSpan.FromSeconds(o.FanOutSendSeconds + 3 * o.FanOutDrainSeconds + 60);
        var clients = new List<HttpClient>();
        HttpClient Client(HostProcess host, int connections, TimeSpan timeout)
        {
            var c = Http.Client(host.BaseAddress, connections, timeout);
            clients.Add(c);
            return c;
        }
        try
        {
            var sides = new[] { pg, lite };
            var streams = sides.ToDictionary(s => s, s => s.Hosts.Select(h => Client(h, n + 8, Timeout.InfiniteTimeSpan)).ToArray());
            var senders = sides.ToDictionary(s => s, s => Client(s.Hosts[0], 64, sendTimeout));
            ctx.Log($"{label}: fan-out to {n} subscribers, {o.FanOutRate} msg/s (streams spread over {pg.Hosts.Length} host(s))");
            Task<SubscriberSet> Open(Side side) => SubscriberSet.OpenAsync(n, i => new SseSubscriber(
                streams[side][i % streams[side].Length], "/api/events", side.Members[i].Token, line => recorder.OnPayload(i, line)));
            await using var pgSubs = await Open(pg);
            await using var liteSubs = await Open(lite);

            Func<string, Task> Sender(Side side) => text => FanOutCase.Post(senders[side], $"/api/chats/@{Conference}/messages",
                MicrochatApi.MessageBody(text), side.Owner.Token);
            var round = 0;
            foreach (var side in sides)
            {
                var warm = await FanOutCase.RoundAsync(ctx, recorder, ++round, n, Sender(side), Math.Max(5, o.FanOutRate / 2));
                ctx.Log($"  {side.Label} warm-up: delivered {warm.Delivered}/{warm.Expected}, {warm.Failed} sends failed");
            }
            var collected = sides.ToDictionary(s => s, _ => (Latencies: new Latencies(), Delivered: 0L, Expected: 0L, Failed: 0));
            var active = new List<List<string>>();
            var pgCpu = new CpuMeter(pg.Hosts.Select(h => h.Pid).ToArray());
            var liteCpu = new CpuMeter([lite.Hosts[0].Pid]);
            foreach (var side in new[] { pg, lite, lite, pg })
            {
                var r = side == pg
                    ? await Measured(pgCpu, database, active, () => FanOutCase.RoundAsync(ctx, recorder, ++round, n, Sender(side)))
                    : await Measured(liteCpu, null, active, () => FanOutCase.RoundAsync(ctx, recorder, ++round, n, Sender(side)));
                ctx.Log($"  {side.Label} round {round}: p50 {BenchContext.Ms(r.Latencies.P50)}, p99 {BenchContext.Ms(r.Latencies.P99)}, delivered {r.Delivered}/{r.Expected}, {r.Failed} sends failed");
                var c = collected[side];
                c.Latencies.AddRange(r.Latencies.Samples);
                collected[side] = (c.Latencies, c.Delivered + r.Delivered, c.Expected + r.Expected, c.Failed + r.Failed);
            }

            string Describe(Side side)
            {
                var c = collected[side];
                var bound = c.Delivered == c.Expected ? "" : "≥ ";
                return $"p99 {bound}{BenchContext.Ms(c.Latencies.P99)} (p50 {bound}{BenchContext.Ms(c.Latencies.P50)}), delivered {100.0 * c.Delivered / Math.Max(1, c.Expected):0.#} %"
                    + (c.Failed > 0 ? $", {c.Failed} sends failed" : "");
            }
            var p = collected[pg];
            var l = collected[lite];
            var ratio = p.Latencies.P99 / l.Latencies.P99;
            var meanActive = active.Count == 0 ? double.NaN : active.Average(a => a.Count);
            ctx.Results.Figures[$"postgres.fanout.{key}.p99_ms"] = p.Latencies.P99;
            ctx.Results.Figures[$"postgres.fanout.{key}.p50_ms"] = p.Latencies.P50;
            ctx.Results.Figures[$"postgres.fanout.{key}.litedb_p99_ms"] = l.Latencies.P99;
            ctx.Results.Figures[$"postgres.fanout.{key}.delivered"] = p.Expected == 0 ? 0 : (double)p.Delivered / p.Expected;
            ctx.Results.Figures[$"postgres.fanout.{key}.ratio"] = ratio;
            ctx.Results.Figures[$"postgres.fanout.{key}.host_cores"] = pgCpu.HostCores;
            ctx.Results.Figures[$"postgres.fanout.{key}.postgres_cores"] = pgCpu.PostgresCores;
            var bound = p.Delivered == p.Expected ? "" : "PostgreSQL did not deliver everything before the drain timeout: its p99 is a lower bound. ";
            ctx.Results.Add(new Row(Case, $"fan-out: {n} SSE subscribers, {o.FanOutRate} msg/s, p99 send-to-receive, {label} ÷ LiteDB 1 host",
                Describe(pg), Describe(lite), BenchContext.Ratio(ratio), "report",
                bound + string.Create(CultureInfo.InvariantCulture, $"PostgreSQL side: {pgCpu.Describe()}, backends running a statement {meanActive:0.#} on average ({Waits(active)}); LiteDB host {liteCpu.HostCores:0.00} cores (rounds include the drain)")));
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
    }
}
