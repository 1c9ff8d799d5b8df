using System.Diagnostics;
using Microchat.LoadTest.Infra;
using Microchat.LoadTest.Report;
using Microsoft.AspNetCore.SignalR.Client;

namespace Microchat.LoadTest.Cases;

/// <summary>
/// N subscribers of one conference, a message every 1/rate s for a fixed time: the send-to-receive
/// p99 of Microchat's SSE stream against a bare SSE channel and a SignalR group, at a small and a
/// large N. Undelivered messages at the drain timeout count as the time waited so far, so a p99
/// shown with "≥" is a lower bound.
/// </summary>
internal static class FanOutCase
{
    private const string Group = "bench";

    public static async Task RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        await using var host = await ctx.StartMicrochatAsync("fanout-microchat");
        await using var baseline = await ctx.StartBaselineAsync("fanout-baseline");
        using var setup = Http.Client(host.BaseAddress, 8);
        var api = new MicrochatApi(setup);

        var large = o.FanOutLarge;
        ctx.Log($"registering {large + 1} users and two conferences (small: {o.FanOutSmall} members, large: {large})");
        var owner = (await ctx.RegisterAsync(host, api, "owner", 1))[0];
        var members = await ctx.RegisterAsync(host, api, "m", large);
        await api.CreateConferenceAsync(owner, "fansmall");
        await api.CreateConferenceAsync(owner, "fanlarge");
        await api.JoinAsync("fansmall", members.Take(o.FanOutSmall));
        await api.JoinAsync("fanlarge", members);

        var p99 = new Dictionary<(int, string), (double P99, bool Complete)>();
        foreach (var (n, conference) in new[] { (o.FanOutSmall, "fansmall"), (large, "fanlarge") })
        {
            var recorder = new FanOutRecorder();
            using var streams = Http.Client(host.BaseAddress, n + 8, Timeout.InfiniteTimeSpan);
            using var bareStreams = Http.Client(baseline.BaseAddress, n + 8, Timeout.InfiniteTimeSpan);
            // A send may wait as long as a round lasts: an overloaded host answers late, not never.
            var sendTimeout = TimeSpan.FromSeconds(o.FanOutSendSeconds + 3 * o.FanOutDrainSeconds + 60);
            using var microchatSender = Http.Client(host.BaseAddress, 64, sendTimeout);
            using var bareSender = Http.Client(baseline.BaseAddress, 64, sendTimeout);
            var hub = new Uri(baseline.BaseAddress, "/hub");
            await using var signalRSender = SignalRSubscriber.Connect(hub);
            await signalRSender.StartAsync();

            ctx.Log($"fan-out {n}: opening {n} subscribers on each of Microchat SSE, bare SSE and SignalR");
            await using var microchatSubs = await SubscriberSet.OpenAsync(n,
                i => new SseSubscriber(streams, "/api/events", members[i].Token, line => recorder.OnPayload(i, line)));
            await using var bareSubs = await SubscriberSet.OpenAsync(n,
                i => new SseSubscriber(bareStreams, "/sse", null, line => recorder.OnPayload(i, line)));
            await using var signalRSubs = await SubscriberSet.OpenAsync(n,
                i => new SignalRSubscriber(hub, Group, text => recorder.OnPayload(i, text)));

            var send = new Dictionary<string, Func<string, Task>>
            {
                ["Microchat SSE"] = text => Post(microchatSender, $"/api/chats/@{conference}/messages", MicrochatApi.MessageBody(text), owner.Token),
                ["bare SSE"] = text => Post(bareSender, "/sse/send", MicrochatApi.MessageBody(text), null),
                ["SignalR"] = text => signalRSender.InvokeAsync("Send", Group, text),
            };
            var systems = send.Keys.ToArray();
            // A,B,C then C,B,A: drift weighs on every system alike.
            var order = systems.Concat(systems.Reverse()).ToList();
            var collected = systems.ToDictionary(s => s, _ => (Latencies: new Latencies(), Delivered: 0L, Expected: 0L));
            var failedSends = systems.ToDictionary(s => s, _ => 0);
            var round = 0;
            // One short unmeasured round each first: JIT, connection pools and buffers warm up.
            foreach (var system in systems)
            {
                var warm = await RoundAsync(ctx, recorder, ++round, n, send[system], Math.Max(5, o.FanOutRate / 2));
                ctx.Log($"  {system} warm-up: delivered {warm.Delivered}/{warm.Expected}, {warm.Failed} sends failed");
            }
            foreach (var system in order)
            {
                var (latencies, delivered, expected, failed) = await RoundAsync(ctx, recorder, ++round, n, send[system]);
                failedSends[system] += failed;
                ctx.Log($"  {system} round {round}: p50 {BenchContext.Ms(latencies.P50)}, p99 {BenchContext.Ms(latencies.P99)}, delivered {delivered}/{expected}, {failed} sends failed");
                var c = collected[system];
                c.Latencies.AddRange(latencies.Samples);
                collected[system] = (c.Latencies, c.Delivered + delivered, c.Expected + expected);
            }

            foreach (var (system, c) in collected)
            {
                p99[(n, system)] = (c.Latencies.P99, c.Delivered == c.Expected);
                ctx.Results.FanOut.Add(new FanOutSeries(n, system, c.Latencies.Samples));
                ctx.Results.Figures[$"fanout.{n}.{system}.p99_ms"] = c.Latencies.P99;
                ctx.Results.Figures[$"fanout.{n}.{system}.p50_ms"] = c.Latencies.P50;
                ctx.Results.Figures[$"fanout.{n}.{system}.delivered"] = c.Expected == 0 ? 0 : (double)c.Delivered / c.Expected;
            }
            string Side(string system)
            {
                var c = collected[system];
                var bound = c.Delivered == c.Expected ? "" : "≥ ";
                return $"p99 {bound}{BenchContext.Ms(c.Latencies.P99)} (p50 {bound}{BenchContext.Ms(c.Latencies.P50)}), delivered {100.0 * c.Delivered / Math.Max(1, c.Expected):0.#} %"
                    + (failedSends[system] > 0 ? $", {failedSends[system]} sends failed" : "");
            }
            var mc = p99[(n, "Microchat SSE")];
            var sr = p99[(n, "SignalR")];
            var bare = p99[(n, "bare SSE")];
            var boundNote = mc.Complete ? "" : "Microchat did not deliver everything before the drain timeout: its p99 is a lower bound. ";
            ctx.Results.Add(new Row("fan-out", $"{n} SSE subscribers, {o.FanOutRate} msg/s: p99 ÷ SignalR's",
                Side("Microchat SSE"), Side("SignalR"), BenchContext.Ratio(mc.P99 / sr.P99), "<= 1.0",
                boundNote + HttpCases.Verdict(mc.P99 / sr.P99 <= 1.0)));
            ctx.Results.Add(new Row("fan-out", $"{n} SSE subscribers, {o.FanOutRate} msg/s: p99 ÷ bare SSE's",
                Side("Microchat SSE"), Side("bare SSE"), BenchContext.Ratio(mc.P99 / bare.P99), "<= 2",
                boundNote + HttpCases.Verdict(mc.P99 / bare.P99 <= 2)));
        }

        var big = p99[(large, "Microchat SSE")];
        var small = p99[(o.FanOutSmall, "Microchat SSE")];
        var scale = big.P99 / small.P99;
        ctx.Results.Figures["fanout.scale_ratio"] = scale;
        ctx.Results.Add(new Row("fan-out", $"Microchat p99 at {large} ÷ at {o.FanOutSmall} subscribers",
            (big.Complete ? "" : "≥ ") + BenchContext.Ms(big.P99), BenchContext.Ms(small.P99), BenchContext.Ratio(scale), "<= 5",
            HttpCases.Verdict(scale <= 5) + " (two subscriber sets one after the other, not interleaved)"));
    }

    /// <summary>One round: send at the fixed rate, wait for delivery up to the drain timeout, then for stragglers.</summary>
    internal static async Task<(Latencies Latencies, long Delivered, long Expected, int Failed)> RoundAsync(
        BenchContext ctx, FanOutRecorder recorder, int round, int subscribers, Func<string, Task> send, int? messages = null)
    {
        var o = ctx.Options;
        var count = messages ?? (int)(o.FanOutSendSeconds * o.FanOutRate);
        recorder.BeginRound(round, subscribers, count);
        var sends = new List<Task>(count);
        var clock = Stopwatch.StartNew();
        for (var seq = 0; seq < count; seq++)
        {
            var due = TimeSpan.FromSeconds((double)seq / o.FanOutRate) - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
            sends.Add(send(recorder.Text(seq)));
        }
        var drain = Stopwatch.StartNew();
        while (recorder.Received < recorder.Expected && drain.Elapsed.TotalSeconds < o.FanOutDrainSeconds)
            await Task.Delay(20);
        var snapshot = recorder.Snapshot(count);
        // Let late deliveries finish (not counted) so they do not load the next round.
        var settle = Stopwatch.StartNew();
        while (recorder.Received < recorder.Expected && settle.Elapsed.TotalSeconds < o.FanOutDrainSeconds * 2)
            await Task.Delay(100);
        recorder.EndRound();
        var failed = 0;
        foreach (var s in sends)
        {
            try
            {
                await s.WaitAsync(TimeSpan.FromSeconds(o.FanOutSendSeconds + 3 * o.FanOutDrainSeconds + 60));
            }
            catch (Exception)
            {
                failed++;
            }
        }
        // Every send failing means the case did not run; some failing under overload is a result
        // (their messages count as undelivered).
        if (failed == count) throw new InvalidOperationException($"all {count} sends failed");
        return (snapshot.Latencies, snapshot.Delivered, (long)subscribers * count, failed);
    }

    /// <summary>A POST that throws when refused, so a fan-out round counts it as a failed send.</summary>
    internal static async Task Post(HttpClient client, string path, byte[] body, string? token)
    {
        if (!await Http.SendAsync(client, HttpMethod.Post, path, body, token))
            throw new InvalidOperationException($"POST {path} failed");
    }
}
