using Microchat.Benchmarks;

// Page latency of a chat's history (or, with "search" first, message search) on the LiteDB store, large chat against small.
var search = args.Length > 0 && args[0] == "search";
var options = BenchmarkOptions.Parse(search ? args[1..] : args);
if (options is null)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 2;
}
return search ? await SearchBenchmark.RunAsync(options) : await PagingBenchmark.RunAsync(options);
