using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Microchat.LoadTest.Report;

/// <summary>Writes the run as a Markdown table, a JSON file and the SVG plots.</summary>
internal static class ReportWriter
{
    /// <summary>Rows for features that have not landed: the table says so instead of leaving them out.</summary>
    private static readonly Row[] NotYetAvailable =
    [
        new("search", "a 10-match query in a 100k history ÷ in a 1k history", "", "", "", "<= 1.5", "not yet available: search has not landed"),
    ];

    public static IReadOnlyList<string> Write(BenchContext ctx, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var mode = ctx.Options.Quick ? "quick" : "full";

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {mode} mode, {ctx.Clock.Elapsed.TotalMinutes:0.0} min. Machine: {ctx.Machine.Description}.");
        md.AppendLine();
        md.AppendLine("| case | measured as | Microchat (A) | baseline (B) | A ÷ B | goal | note |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in ctx.Results.Rows.Concat(NotYetAvailable))
            md.AppendLine($"| {r.Case} | {r.Measured} | {r.A} | {r.B} | {r.Ratio} | {r.Goal} | {r.Note} |");
        var mdPath = Path.Combine(directory, $"benchmarks-{mode}.md");
        File.WriteAllText(mdPath, md.ToString());
        written.Add(mdPath);

        var json = JsonSerializer.Serialize(new
        {
            mode,
            utc = DateTime.UtcNow,
            minutes = ctx.Clock.Elapsed.TotalMinutes,
            machine = ctx.Machine.Description,
            rows = ctx.Results.Rows.Concat(NotYetAvailable).Select(r => new { r.Case, r.Measured, r.A, r.B, r.Ratio, r.Goal, r.Note, r.Failed }),
            figures = ctx.Results.Figures.ToDictionary(p => p.Key, p => double.IsFinite(p.Value) ? p.Value : (double?)null),
        }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
        var jsonPath = Path.Combine(directory, $"benchmarks-{mode}.json");
        File.WriteAllText(jsonPath, json);
        written.Add(jsonPath);

        if (ctx.Results.Throughput.Count > 0)
        {
            var path = Path.Combine(directory, "benchmarks-throughput.svg");
            File.WriteAllText(path, Svg.Throughput(ctx.Results.Throughput));
            written.Add(path);
        }
        foreach (var group in ctx.Results.FanOut.GroupBy(f => f.Subscribers))
        {
            var path = Path.Combine(directory, $"benchmarks-fanout-{group.Key}.svg");
            File.WriteAllText(path, Svg.Histogram($"Send-to-receive latency, {group.Key} subscribers, {ctx.Options.FanOutRate} msg/s", group.ToList()));
            written.Add(path);
        }
        return written;
    }
}
