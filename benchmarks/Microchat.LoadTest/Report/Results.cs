namespace Microchat.LoadTest.Report;

/// <summary>One row of the table: a case, its two sides and their ratio against the goal.</summary>
internal sealed record Row(string Case, string Measured, string A, string B, string Ratio, string Goal, string Note = "")
{
    public bool Failed { get; init; }
}

/// <summary>A point of the throughput-against-connections plot.</summary>
internal sealed record ThroughputPoint(string Series, int Connections, double PerSecond);

/// <summary>The latencies of one system in one fan-out case, for its histogram.</summary>
internal sealed record FanOutSeries(int Subscribers, string System, IReadOnlyList<double> Milliseconds);

/// <summary>Everything a run measured, for the Markdown table, the JSON file and the plots.</summary>
internal sealed class RunResults
{
    public List<Row> Rows { get; } = [];
    public List<ThroughputPoint> Throughput { get; } = [];
    public List<FanOutSeries> FanOut { get; } = [];
    /// <summary>Raw figures by name, for the JSON file.</summary>
    public SortedDictionary<string, double> Figures { get; } = new(StringComparer.Ordinal);

    public void Add(Row row)
    {
        Rows.Add(row);
        Console.WriteLine($"  => {row.Case} | {row.Measured} | {row.A} | {row.B} | {row.Ratio} | {row.Goal} | {row.Note}");
    }
}
