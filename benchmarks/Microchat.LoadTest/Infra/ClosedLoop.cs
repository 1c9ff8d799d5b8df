using System.Diagnostics;

namespace Microchat.LoadTest.Infra;

/// <summary>What one closed-loop run measured: completed requests, failures and their latencies.</summary>
internal sealed record Throughput(double Seconds, long Ok, long Errors, Latencies Latencies)
{
    public double PerSecond => Seconds > 0 ? Ok / Seconds : 0;

    public static Throughput Merge(IEnumerable<Throughput> parts)
    {
        var list = parts.ToList();
        var latencies = new Latencies();
        foreach (var p in list) latencies.AddRange(p.Latencies.Samples);
        return new Throughput(list.Sum(p => p.Seconds), list.Sum(p => p.Ok), list.Sum(p => p.Errors), latencies);
    }
}

/// <summary>
/// Closed-loop load: each worker owns one connection's worth of work and sends its next request
/// when the last one finished, for a fixed time.
/// </summary>
internal static class ClosedLoop
{
    /// <param name="workers">Concurrent workers (one per connection).</param>
    /// <param name="seconds">How long to keep sending.</param>
    /// <param name="request">One request by worker i; true when it succeeded.</param>
    public static async Task<Throughput> RunAsync(int workers, double seconds, Func<int, Task<bool>> request)
    {
        var stop = 0;
        var lists = new List<double>[workers];
        var errors = new long[workers];
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(async i =>
        {
            await Task.Yield();
            var list = lists[i] = new List<double>(4096);
            while (Volatile.Read(ref stop) == 0)
            {
                var start = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await request(i);
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }
                catch (TaskCanceledException)
                {
                    ok = false;
                }
                if (ok) list.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                else errors[i]++;
            }
        }).ToList();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref stop, 1);
        var measured = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(tasks);
        var latencies = new Latencies();
        foreach (var l in lists) latencies.AddRange(l);
        return new Throughput(measured, latencies.Count, errors.Sum(), latencies);
    }
}

/// <summary>The A,B,B,A,A,B order that lets drift and noise weigh on both sides alike.</summary>
internal static class Interleaved
{
    public static readonly bool[] Pattern = [true, false, false, true, true, false];

    public static async Task<(Throughput A, Throughput B)> RunAsync(Func<Task<Throughput>> a, Func<Task<Throughput>> b)
    {
        var aParts = new List<Throughput>();
        var bParts = new List<Throughput>();
        foreach (var isA in Pattern)
        {
            if (isA) aParts.Add(await a());
            else bParts.Add(await b());
        }
        return (Throughput.Merge(aParts), Throughput.Merge(bParts));
    }
}
