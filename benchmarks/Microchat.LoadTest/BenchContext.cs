using System.Diagnostics;
using System.Globalization;
using Microchat.LoadTest.Infra;
using Microchat.LoadTest.Report;

namespace Microchat.LoadTest;

/// <summary>What every case needs: options, the machine, where the hosts are, and the results.</summary>
internal sealed class BenchContext(LoadOptions options, Machine machine, string repoRoot, string workRoot)
{
    private int hosts;

    public LoadOptions Options => options;
    public Machine Machine => machine;
    public string RepoRoot => repoRoot;
    public RunResults Results { get; } = new();
    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public string HostDll => Path.Combine(repoRoot, "samples/Microchat.Sample.Host/bin/Release/net10.0/Microchat.Sample.Host.dll");

    /// <summary>
    /// The sample host on a fresh LiteDB file. Limits a benchmark would trip over are raised by
    /// configuration; keys the host does not know yet are ignored by the options binder.
    /// </summary>
    public Task<HostProcess> StartMicrochatAsync(string name, params string[] extra) =>
        StartSampleAsync(name, dir => [$"--ConnectionStrings:Microchat=Filename={Path.Combine(dir, "microchat.db")}"], extra);

    /// <summary>The sample host on the PostgreSQL store: every host started with the same connection string shares one database.</summary>
    public Task<HostProcess> StartMicrochatOnPostgresAsync(string name, string connectionString) =>
        StartSampleAsync(name, _ => ["--Microchat:Storage=PostgreSql", $"--ConnectionStrings:Microchat={connectionString}"], []);

    private Task<HostProcess> StartSampleAsync(string name, Func<string, string[]> storage, string[] extra)
    {
        var dir = Path.Combine(workRoot, $"{++hosts:D2}-{name}");
        var args = new List<string>(storage(dir))
        {
            "--Microchat:AuthRateLimitPermits=1000000",
            "--Microchat:SendRateLimitPermits=1000000",
            "--Microchat:MaxStreamsPerCaller=1000000",
        };
        args.AddRange(extra);
        Log($"starting {name} (sample host) {string.Join(' ', extra)}");
        return HostProcess.StartAsync(name, HostDll, args, dir, "/api/me", machine);
    }

    /// <summary>The tool's own baseline host: echo, bare SSE, keep-alive and a SignalR hub.</summary>
    public Task<HostProcess> StartBaselineAsync(string name)
    {
        var dir = Path.Combine(workRoot, $"{++hosts:D2}-{name}");
        Log($"starting {name} (baseline host)");
        return HostProcess.StartAsync(name, typeof(BenchContext).Assembly.Location, ["serve-baseline"], dir, "/keepalive-probe", machine);
    }

    /// <summary>Registers users with the host spread over every core meanwhile (setup, not measured).</summary>
    public async Task<BenchUser[]> RegisterAsync(HostProcess host, MicrochatApi api, string prefix, int count, bool login = true)
    {
        await host.PinAsync(machine.ServerCores is null ? null : $"0-{Environment.ProcessorCount - 1}");
        try
        {
            var clock = Stopwatch.StartNew();
            var users = await api.RegisterAsync(prefix, count, login);
            Log($"registered {count} users in {clock.Elapsed.TotalSeconds:0.0} s");
            return users;
        }
        finally
        {
            await host.PinAsync(machine.ServerCores);
        }
    }

    public void Log(string message) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Clock.Elapsed.TotalSeconds,6:0.0}s] {message}"));

    public static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms >= 10_000 ? $"{ms / 1000:0.0} s" : ms >= 100 ? $"{ms:0} ms" : $"{ms:0.0#} ms";

    public static string Bytes(double b) => Math.Abs(b) >= 1024 * 1024 ? $"{b / 1024 / 1024:0.0} MiB" : $"{b / 1024:0.0} KB";

    public static string Ratio(double r) => double.IsNaN(r) || double.IsInfinity(r) ? "n/a" : r.ToString("0.00#", CultureInfo.InvariantCulture);

    public static string Rate(Throughput t) =>
        string.Create(CultureInfo.InvariantCulture, $"{t.PerSecond:0} req/s (p50 {Ms(t.Latencies.P50)}, p99 {Ms(t.Latencies.P99)})")
        + (t.Errors > 0 ? $", {t.Errors} failed" : "");
}
