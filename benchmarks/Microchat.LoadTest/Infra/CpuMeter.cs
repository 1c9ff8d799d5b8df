using System.Globalization;

namespace Microchat.LoadTest.Infra;

/// <summary>
/// CPU time the hosts and the PostgreSQL cluster spent while measured (from /proc, Linux only):
/// with the hosts pinned to one core, hosts near 1 core busy means the host bounds the result.
/// The cluster is the postmaster in <c>$MICROCHAT_PG_DATA/postmaster.pid</c> and its children;
/// without that variable (a server the tool did not start) only the hosts are measured.
/// </summary>
internal sealed class CpuMeter(IReadOnlyList<int> hostPids)
{
    private const double TicksPerSecond = 100; // USER_HZ: 100 on every Linux the tool runs on

    private double wall;
    private double hosts;
    private double postgres;
    private DateTime started;
    private double hostsAtStart;
    private Dictionary<int, double> postgresAtStart = [];

    /// <summary>Cores the hosts kept busy on average while measured.</summary>
    public double HostCores => wall > 0 ? hosts / wall : double.NaN;
    /// <summary>Cores the PostgreSQL cluster kept busy on average while measured (NaN when not known).</summary>
    public double PostgresCores => wall > 0 && PostmasterPid() is not null ? postgres / wall : double.NaN;

    public void Start()
    {
        started = DateTime.UtcNow;
        hostsAtStart = hostPids.Sum(Seconds);
        postgresAtStart = PostgresPids().ToDictionary(p => p, Seconds);
    }

    public void Stop()
    {
        wall += (DateTime.UtcNow - started).TotalSeconds;
        hosts += hostPids.Sum(Seconds) - hostsAtStart;
        // A backend that started meanwhile counts from zero; one that ended meanwhile is lost (pooled ones stay).
        postgres += PostgresPids().Sum(p => Seconds(p) - postgresAtStart.GetValueOrDefault(p));
    }

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"CPU while measured: hosts {HostCores:0.00} cores")
        + (double.IsNaN(PostgresCores) ? "" : string.Create(CultureInfo.InvariantCulture, $", PostgreSQL {PostgresCores:0.00} cores"));

    private static int? PostmasterPid()
    {
        var data = Environment.GetEnvironmentVariable("MICROCHAT_PG_DATA");
        var file = data is null ? null : Path.Combine(data, "postmaster.pid");
        if (file is null || !File.Exists(file)) return null;
        try
        {
            return int.TryParse(File.ReadLines(file).FirstOrDefault(), out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static List<int> PostgresPids()
    {
        if (PostmasterPid() is not { } postmaster) return [];
        var pids = new List<int> { postmaster };
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } fields && fields[1] == postmaster.ToString(CultureInfo.InvariantCulture))
                pids.Add(pid);
        }
        return pids;
    }

    /// <summary>User plus system CPU seconds of a process, all its threads; 0 once it is gone.</summary>
    private static double Seconds(int pid) =>
        Stat(pid) is { } f ? (double.Parse(f[11], CultureInfo.InvariantCulture) + double.Parse(f[12], CultureInfo.InvariantCulture)) / TicksPerSecond : 0;

    /// <summary>The fields of /proc/PID/stat after the command name (state is [0], ppid [1], utime [11], stime [12]).</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
