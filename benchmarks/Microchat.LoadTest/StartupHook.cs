using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

/// <summary>
/// A .NET startup hook (DOTNET_STARTUP_HOOKS) the tool loads into every host it starts, the
/// sample host and its own baselines alike: when a request file appears in the directory named by
/// <c>MICROCHAT_BENCH_GC_DIR</c>, it runs a full blocking compacting GC and writes the live heap
/// size. The sample host has no GC endpoint and must not get one for a benchmark; this measures
/// every host the same way without touching its code. A second request file asks for the LiteDB
/// store's group-commit counters (its "Microchat.Storage.LiteDb" meter), read the way dotnet-counters
/// would; a host without that meter answers with none.
/// </summary>
internal static class StartupHook
{
    public const string DirectoryVariable = "MICROCHAT_BENCH_GC_DIR";
    public const string RequestFile = "gc.request";
    public const string ResponseFile = "gc.response";
    public const string MetersRequestFile = "meters.request";
    public const string MetersResponseFile = "meters.response";
    private const string StoreMeter = "Microchat.Storage.LiteDb";

    public static void Initialize()
    {
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (string.IsNullOrEmpty(directory)) return;
        new Thread(() => Watch(directory)) { IsBackground = true, Name = "bench-gc-hook" }.Start();
    }

    private static void Watch(string directory)
    {
        var request = Path.Combine(directory, RequestFile);
        var response = Path.Combine(directory, ResponseFile);
        var metersRequest = Path.Combine(directory, MetersRequestFile);
        var values = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == StoreMeter) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.Start();
        while (true)
        {
            Thread.Sleep(100);
            if (File.Exists(metersRequest))
            {
                File.Delete(metersRequest);
                listener.RecordObservableInstruments();
                Respond(Path.Combine(directory, MetersResponseFile),
                    string.Join('\n', values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key} {v.Value}"))));
            }
            if (!File.Exists(request)) continue;
            File.Delete(request);
            for (var i = 0; i < 2; i++)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }
            var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            var text = string.Create(CultureInfo.InvariantCulture, $"{GC.GetTotalMemory(false)} {info.HeapSizeBytes} {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
            Respond(response, text);
        }
    }

    private static void Respond(string path, string text)
    {
        File.WriteAllText(path + ".tmp", text);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
