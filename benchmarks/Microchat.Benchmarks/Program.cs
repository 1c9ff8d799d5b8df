using Microchat.Benchmarks;

// Page latency of a chat's history on the LiteDB store, large chat against small, in one process.
var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 2;
}
return await PagingBenchmark.RunAsync(options);
