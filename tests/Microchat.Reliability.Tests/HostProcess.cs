using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Microchat.Reliability.Tests;

/// <summary>The sample host as a child process on a loopback port, with its data in a folder of the test's.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly string _dataFile;
    private readonly string[] _extraArguments;
    private Process? _process;

    public HostProcess(string dataFile, params string[] extraArguments)
    {
        _dataFile = dataFile;
        _extraArguments = extraArguments;
        Port = FreePort();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Starts the host and waits until it answers.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SampleHostDll());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Port}");
        start.ArgumentList.Add($"--ConnectionStrings:Microchat=Filename={_dataFile}");
        // The crash test sends far more than a person would: the send budget is not what it measures.
        start.ArgumentList.Add("--Microchat:SendRateLimitPermits=1000000");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        foreach (var argument in _extraArguments) start.ArgumentList.Add(argument);
        _process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The host exited with {_process.ExitCode}.");
            try
            {
                // Any answer from the API means it is listening (an unauthenticated list is a 401).
                await probe.GetAsync("api/chats");
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The host did not answer within 60 s.");
    }

    /// <summary>SIGKILL: no shutdown, no flush, no checkpoint.</summary>
    public void Kill()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The sample's own build output, found from the repository root (built first as a reference of this project).
    private static string SampleHostDll()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Microchat.sln"))) directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException("The repository root (Microchat.sln) was not found.");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(directory.FullName, "samples", "Microchat.Sample.Host", "bin", configuration, "net10.0", "Microchat.Sample.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the sample host first.", dll);
    }
}
