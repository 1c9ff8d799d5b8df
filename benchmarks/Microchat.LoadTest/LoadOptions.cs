using System.Globalization;

namespace Microchat.LoadTest;

/// <summary>The tool's settings: quick (CI smoke, every case small) or full, plus overrides.</summary>
internal sealed record LoadOptions
{
    public const string Usage =
        "dotnet run -c Release --project benchmarks/Microchat.LoadTest -- [--quick] [--cases write,conference,reads,fanout,idle,history,durable,memory,postgres]\n"
        + "  [--out DIR] [--no-pin] [--memory-minutes 10] [--fanout 1000] [--idle 2000] [--history 20000] [--pg-fanout 200]";

    public bool Quick { get; init; }
    /// <summary>The cases to run, by name; all when empty.</summary>
    public IReadOnlySet<string> Cases { get; init; } = new HashSet<string>();
    /// <summary>Where the Markdown, JSON and SVG files go (full mode: the repository root, beside BENCHMARKS.md).</summary>
    public string? OutputDirectory { get; init; }
    public bool NoPin { get; init; }

    /// <summary>Seconds of one measured segment of a throughput case (six segments per ratio: A,B,B,A,A,B).</summary>
    public double SegmentSeconds { get; init; } = 6;
    public double WarmupSeconds { get; init; } = 3;
    public int[] WriteConnections { get; init; } = [16, 64];
    public int ReadConnections { get; init; } = 16;
    public int FanOutLarge { get; init; } = 1000;
    public int FanOutSmall { get; init; } = 10;
    public double FanOutSendSeconds { get; init; } = 10;
    public double FanOutDrainSeconds { get; init; } = 60;
    public int FanOutRate { get; init; } = 25;
    public int IdleStreams { get; init; } = 2000;
    /// <summary>Distinct users behind the idle streams (streams are spread over them; registration hashes a password).</summary>
    public int IdleUsers { get; init; } = 100;
    public int DurableWriters { get; init; } = 64;
    /// <summary>Writer pairs of the mixed load (each user writes to its pair and reads; a quarter of writes go to one conference).</summary>
    public int MemoryPairs { get; init; } = 8;
    public int HistoryLarge { get; init; } = 20_000;
    public int HistorySmall { get; init; } = 1_000;
    /// <summary>Connections of the PostgreSQL write-path rows (each its own sender and dialog).</summary>
    public int PostgresConnections { get; init; } = 16;
    /// <summary>
    /// Subscribers of the PostgreSQL fan-out rows (each a registered, logged-in user). 200, not the
    /// fan-out case's 1000: each side registers its own users (about 0.3 s each on a busy 2-core box,
    /// so 1000 would add some 10 minutes of setup); <c>--pg-fanout 1000</c> runs the larger size.
    /// </summary>
    public int PostgresFanOut { get; init; } = 200;
    public double MemoryFirstSeconds { get; init; } = 60;
    public double MemoryTotalSeconds { get; init; } = 600;

    public static LoadOptions Full { get; } = new();

    /// <summary>Every case small: a smoke run that finishes in a few minutes.</summary>
    public static LoadOptions QuickDefaults { get; } = new()
    {
        Quick = true,
        SegmentSeconds = 1,
        WarmupSeconds = 0.5,
        WriteConnections = [4, 16],
        ReadConnections = 4,
        FanOutLarge = 20,
        FanOutSmall = 5,
        FanOutSendSeconds = 1,
        FanOutDrainSeconds = 10,
        DurableWriters = 4,
        MemoryPairs = 2,
        IdleStreams = 200,
        IdleUsers = 5,
        HistoryLarge = 1_000,
        HistorySmall = 200,
        PostgresConnections = 4,
        PostgresFanOut = 20,
        MemoryFirstSeconds = 8,
        MemoryTotalSeconds = 20,
    };

    public bool Runs(string name) => Cases.Count == 0 || Cases.Contains(name);

    public static LoadOptions? Parse(string[] args)
    {
        var options = args.Contains("--quick") ? QuickDefaults : Full;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                options = args[i] switch
                {
                    "--quick" => options,
                    "--no-pin" => options with { NoPin = true },
                    "--cases" => options with { Cases = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet() },
                    "--out" => options with { OutputDirectory = Path.GetFullPath(Next()) },
                    "--segment" => options with { SegmentSeconds = Number(Next()) },
                    "--memory-minutes" => options with { MemoryTotalSeconds = Number(Next()) * 60 },
                    "--fanout" => options with { FanOutLarge = (int)Number(Next()) },
                    "--idle" => options with { IdleStreams = (int)Number(Next()) },
                    "--history" => options with { HistoryLarge = (int)Number(Next()) },
                    "--pg-fanout" => options with { PostgresFanOut = (int)Number(Next()) },
                    _ => null,
                };
            }
            catch (FormatException)
            {
                return null;
            }
            if (options is null) return null;
        }
        return options;
    }

    private static double Number(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
}
