using Microchat.LoadTest;
using Microchat.LoadTest.Baseline;
using Microchat.LoadTest.Cases;
using Microchat.LoadTest.Infra;
using Microchat.LoadTest.Report;

// The load tool. `serve-baseline` makes this process a baseline host; anything else runs the cases.
if (args.Contains("serve-baseline"))
    return await BaselineServer.RunAsync(args.Where(a => a != "serve-baseline").ToArray());

var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

var repoRoot = FindRepoRoot();
var machine = Machine.Detect(options.NoPin);
var workRoot = Path.Combine(Path.GetTempPath(), $"microchat-bench-{Environment.ProcessId}");
var ctx = new BenchContext(options, machine, repoRoot, workRoot);
ctx.Log($"{(options.Quick ? "quick" : "full")} mode on {machine.Description}");

try
{
    if (options.Runs("write") || options.Runs("conference") || options.Runs("reads")) await HttpCases.RunAsync(ctx);
    if (options.Runs("fanout")) await HttpCases.Guard(ctx, "fan-out", () => FanOutCase.RunAsync(ctx));
    if (options.Runs("idle")) await HttpCases.Guard(ctx, "idle streams", () => IdleCase.RunAsync(ctx));
    if (options.Runs("history")) await HttpCases.Guard(ctx, "history", () => HistoryCase.RunAsync(ctx));
    if (options.Runs("durable")) await HttpCases.Guard(ctx, "durable writes", () => DurableCase.RunAsync(ctx));
    if (options.Runs("postgres")) await HttpCases.Guard(ctx, "PostgreSQL", () => PostgresCase.RunAsync(ctx));
    if (options.Runs("memory")) await HttpCases.Guard(ctx, "memory under load", () => MemoryCase.RunAsync(ctx));
}
finally
{
    try
    {
        Directory.Delete(workRoot, recursive: true);
    }
    catch (IOException)
    {
    }
}

var output = options.OutputDirectory
    ?? (options.Quick ? Path.Combine(repoRoot, "benchmarks/results/quick") : repoRoot);
var written = ReportWriter.Write(ctx, output);
ctx.Log($"done in {ctx.Clock.Elapsed.TotalMinutes:0.0} min; wrote {string.Join(", ", written)}");
var failed = ctx.Results.Rows.Where(r => r.Failed).ToList();
foreach (var row in failed) Console.Error.WriteLine($"case could not run: {row.Case}: {row.Note}");
return failed.Count == 0 ? 0 : 1;

static string FindRepoRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Microchat.sln"))) return dir.FullName;
        }
    }
    throw new InvalidOperationException("run the tool from inside the Microchat repository");
}
