using System.Diagnostics;

namespace Microchat.LoadTest.Infra;

/// <summary>
/// The machine and the core split: servers on core 0, the load generator on the rest, when
/// there are at least two cores and <c>taskset</c> exists; otherwise nothing is pinned.
/// </summary>
internal sealed record Machine(string Dotnet, string? ServerCores, string? ToolCores, string Description)
{
    public static Machine Detect(bool noPin)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath)
            ? hostPath
            : "dotnet";
        var cores = Environment.ProcessorCount;
        var canPin = !noPin && cores >= 2 && File.Exists("/usr/bin/taskset") && OperatingSystem.IsLinux();
        string? server = canPin ? "0" : null;
        string? tool = canPin ? (cores == 2 ? "1" : $"1-{cores - 1}") : null;
        if (canPin && OperatingSystem.IsLinux())
        {
            long mask = 0;
            for (var c = 1; c < Math.Min(cores, 63); c++) mask |= 1L << c;
            Process.GetCurrentProcess().ProcessorAffinity = (nint)mask;
        }
        var description = $"{cores} cores ({CpuModel()}), {MemoryGiB():0.#} GiB RAM, .NET SDK {Run(dotnet, "--version")}, "
            + $"runtime {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; "
            + (canPin ? $"servers pinned to core {server}, load generator to core(s) {tool}" : "nothing pinned");
        return new Machine(dotnet, server, tool, description);
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    private static double MemoryGiB()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0 / 1024.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public static string Run(string file, string arguments)
    {
        using var p = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return output;
    }
}
