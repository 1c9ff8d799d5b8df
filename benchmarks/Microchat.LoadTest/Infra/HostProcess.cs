using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Microchat.LoadTest.Infra;

/// <summary>
/// A server under test in its own process on loopback, pinned to the server's cores, its output
/// kept in a log file, killed on dispose. Memory is read from /proc and, after a forced GC, from
/// the startup hook.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string gcDirectory;

    public string Name { get; }
    public Uri BaseAddress { get; }
    public string LogPath { get; }
    public int Pid => process.Id;

    private HostProcess(string name, Process process, Uri baseAddress, string gcDirectory, string logPath)
    {
        Name = name;
        this.process = process;
        BaseAddress = baseAddress;
        this.gcDirectory = gcDirectory;
        LogPath = logPath;
    }

    /// <param name="name">For logs and reports.</param>
    /// <param name="dll">The host assembly, run with <c>dotnet</c>.</param>
    /// <param name="arguments">Arguments after the assembly (configuration overrides).</param>
    /// <param name="workDirectory">Its working directory (data files go here).</param>
    /// <param name="readyPath">A path that answers (any status) once the host listens.</param>
    public static async Task<HostProcess> StartAsync(string name, string dll, IEnumerable<string> arguments,
        string workDirectory, string readyPath, Machine machine)
    {
        Directory.CreateDirectory(workDirectory);
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var gcDirectory = Path.Combine(workDirectory, "gc");
        Directory.CreateDirectory(gcDirectory);
        var logPath = Path.Combine(workDirectory, name + ".log");

        var info = new ProcessStartInfo
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var args = new List<string> { "exec", dll, "--urls", url, "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.AspNetCore=Warning" };
        args.AddRange(arguments);
        if (machine.ServerCores is { } cores)
        {
            info.FileName = "taskset";
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(cores);
            info.ArgumentList.Add(machine.Dotnet);
        }
        else
        {
            info.FileName = machine.Dotnet;
        }
        foreach (var a in args) info.ArgumentList.Add(a);
        // Every host runs with the same GC settings (the ASP.NET Core default, server GC), so
        // memory figures compare like with like.
        info.Environment["DOTNET_gcServer"] = "1";
        info.Environment["DOTNET_gcConcurrent"] = "1";
        info.Environment["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location;
        info.Environment[StartupHook.DirectoryVariable] = gcDirectory;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {name}");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new HostProcess(name, process, new Uri(url), gcDirectory, logPath);
        await host.WaitReadyAsync(readyPath);
        return host;
    }

    private async Task WaitReadyAsync(string readyPath)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode}; see {LogPath}");
            try
            {
                using var response = await client.GetAsync(readyPath);
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} did not answer within 90 s; see {LogPath}");
    }

    /// <summary>
    /// Moves every thread of the host onto <paramref name="cores"/> (taskset -a -p). Setup (hashing
    /// passwords for hundreds of users) runs on all cores; measurements on the server's core only.
    /// </summary>
    public async Task PinAsync(string? cores)
    {
        if (cores is null) return;
        using var p = Process.Start(new ProcessStartInfo("taskset", ["-a", "-p", "-c", cores, Pid.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
    }

    /// <summary>Resident set size in bytes (VmRSS).</summary>
    public long ReadRss()
    {
        foreach (var line in File.ReadLines($"/proc/{FindServerPid()}/status"))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
            return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
        }
        throw new InvalidOperationException("no VmRSS");
    }

    /// <summary>Forces a full GC in the host and returns (live bytes, heap size bytes).</summary>
    public async Task<(long Live, long Heap, string Mode)> ForceGcAsync()
    {
        var response = Path.Combine(gcDirectory, StartupHook.ResponseFile);
        File.Delete(response);
        await File.WriteAllTextAsync(Path.Combine(gcDirectory, StartupHook.RequestFile), "gc");
        var wait = Stopwatch.StartNew();
        while (!File.Exists(response))
        {
            if (wait.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"{Name}: the GC hook did not answer");
            await Task.Delay(50);
        }
        var parts = (await File.ReadAllTextAsync(response)).Split(' ');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), parts[2]);
    }

    /// <summary>The LiteDB store's group-commit counters (instrument name → value); empty for a host without them.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ReadStoreCountersAsync()
    {
        var response = Path.Combine(gcDirectory, StartupHook.MetersResponseFile);
        File.Delete(response);
        await File.WriteAllTextAsync(Path.Combine(gcDirectory, StartupHook.MetersRequestFile), "meters");
        var wait = Stopwatch.StartNew();
        while (!File.Exists(response))
        {
            if (wait.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"{Name}: the meter hook did not answer");
            await Task.Delay(50);
        }
        return (await File.ReadAllLinesAsync(response))
            .Select(line => line.Split(' '))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>taskset execs dotnet, which keeps the pid; this stays correct if that ever changes.</summary>
    private int FindServerPid() => process.Id;

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
