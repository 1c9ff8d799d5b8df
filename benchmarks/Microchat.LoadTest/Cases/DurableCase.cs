using System.Globalization;
using Microchat.LoadTest.Infra;
using Microchat.LoadTest.Report;

namespace Microchat.LoadTest.Cases;

/// <summary>
/// 64 writers, each into its own saved-messages dialog, on a host started with the durable
/// setting against one with the default. The store's own counters (read through the startup hook)
/// give how many writes each commit, and so each fsync, carried.
/// </summary>
internal static class DurableCase
{
    public const string Key = "Microchat:LiteDb:Durability";
    private static readonly byte[] Body = MicrochatApi.MessageBody("Hello from the load tool: a short chat message.");

    // Units of work per group commit while measured, from the store's own counters (the startup hook reads its meter).
    private static double UnitsPerCommit(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after)
    {
        long Delta(string name) => after.GetValueOrDefault(name) - before.GetValueOrDefault(name);
        var commits = Delta("microchat.litedb.commits");
        return commits == 0 ? double.NaN : (double)Delta("microchat.litedb.units") / commits;
    }

    public static async Task RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        var writers = o.DurableWriters;
        await using var durable = await ctx.StartMicrochatAsync("durable-microchat", $"--{Key}=Durable");
        await using var standard = await ctx.StartMicrochatAsync("default-microchat", $"--{Key}=Default");
        using var durableClient = Http.Client(durable.BaseAddress, writers);
        using var standardClient = Http.Client(standard.BaseAddress, writers);
        ctx.Log($"registering {writers} users on each host");
        var durableUsers = await ctx.RegisterAsync(durable, new MicrochatApi(durableClient), "d", writers);
        var standardUsers = await ctx.RegisterAsync(standard, new MicrochatApi(standardClient), "d", writers);

        Task<bool> Send(HttpClient c, BenchUser u) => Http.SendAsync(c, HttpMethod.Post, $"/api/chats/@{u.Alias}/messages", Body, u.Token);
        await ClosedLoop.RunAsync(writers, o.WarmupSeconds, i => Send(durableClient, durableUsers[i]));
        await ClosedLoop.RunAsync(writers, o.WarmupSeconds, i => Send(standardClient, standardUsers[i]));
        var durableBefore = await durable.ReadStoreCountersAsync();
        var standardBefore = await standard.ReadStoreCountersAsync();
        var (a, b) = await Interleaved.RunAsync(
            () => ClosedLoop.RunAsync(writers, o.SegmentSeconds, i => Send(durableClient, durableUsers[i])),
            () => ClosedLoop.RunAsync(writers, o.SegmentSeconds, i => Send(standardClient, standardUsers[i])));
        var durablePerCommit = UnitsPerCommit(durableBefore, await durable.ReadStoreCountersAsync());
        var standardPerCommit = UnitsPerCommit(standardBefore, await standard.ReadStoreCountersAsync());
        var ratio = a.PerSecond / b.PerSecond;
        ctx.Results.Figures["durable.ratio"] = ratio;
        ctx.Results.Figures["durable.units_per_fsync"] = durablePerCommit;
        ctx.Results.Figures["default.units_per_commit"] = standardPerCommit;
        ctx.Results.Add(new Row("durable writes", $"`--{Key}=Durable` ÷ `=Default`, {writers} writers",
            BenchContext.Rate(a), BenchContext.Rate(b), BenchContext.Ratio(ratio), ">= 0.5",
            string.Create(CultureInfo.InvariantCulture,
                $"the sample host binds {Key}; writes per fsync (Durable, one fsync per group commit): {durablePerCommit:0.0}; writes per commit (Default): {standardPerCommit:0.0}"))
        { Failed = HttpCases.FailedShare(a) || HttpCases.FailedShare(b) });
    }
}
