using System.Diagnostics;
using System.Globalization;
using Microchat.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Benchmarks;

/// <summary>
/// Message search (<c>q</c> with exactly 10 matches) on a chat of <c>--large</c> messages against one of
/// <c>--small</c>, each in its own LiteDB file, measured alternately in one process like <see cref="PagingBenchmark"/>.
/// A search reads the word index (<see cref="IMessageSearchStore.SearchAsync"/>) and then the matching
/// messages (<see cref="IMessageSearchStore.GetManyAsync"/>): what <c>GET /api/search/messages</c> asks of the store.
/// </summary>
internal static class SearchBenchmark
{
    private const int Matches = 10;
    private static readonly ChatKey Chat = ChatKey.Dialog(1, 2);
    private static readonly IReadOnlyList<string> Query = SearchWords.Of("zeph");

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var directory = Directory.CreateTempSubdirectory("microchat-search-bench-");
        try
        {
            await using var small = await SearchFile.CreateAsync(Path.Combine(directory.FullName, "small.db"), options.Small);
            await using var large = await SearchFile.CreateAsync(Path.Combine(directory.FullName, "large.db"), options.Large);
            Console.WriteLine($"Seeded {small.Size:N0} and {large.Size:N0} messages, {Matches} of each matching q.");

            var cases = new[] { small, large };
            var samples = cases.ToDictionary(c => c, _ => new List<double>(options.Iterations));
            for (var round = 0; round < options.Warmup + options.Iterations; round++)
            {
                var order = round % 2 == 0 ? cases : [large, small];
                foreach (var file in order)
                {
                    var elapsed = await file.TimeSearchAsync();
                    if (round >= options.Warmup) samples[file].Add(elapsed);
                }
            }

            var smallMedian = Median(samples[small]);
            var largeMedian = Median(samples[large]);
            var ratio = largeMedian / smallMedian;
            Console.WriteLine();
            Console.WriteLine($"Search q = \"zeph\" ({Matches} matches); {samples[small].Count:N0} samples each, microseconds:");
            Console.WriteLine($"  {"messages",10} {"median",9} {"mean",9}");
            foreach (var file in cases)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {file.Size,10:N0} {Median(samples[file]),9:F1} {samples[file].Average(),9:F1}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio of medians (large / small): {ratio:F2}"));
            if (options.MaxRatio is { } max && ratio > max)
            {
                Console.WriteLine($"FAIL: ratio {ratio:F2} is above {max:F2}.");
                return 1;
            }
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>One LiteDB file holding one dialog of <see cref="Size"/> messages, <see cref="Matches"/> of them mentioning "zephyr".</summary>
    private sealed class SearchFile : IAsyncDisposable
    {
        private const int SeedConcurrency = 64;
        private readonly ServiceProvider _services;
        private readonly IMessageSearchStore _search;

        private SearchFile(ServiceProvider services, int size)
        {
            _services = services;
            _search = services.GetRequiredService<IMessageSearchStore>();
            Size = size;
        }

        public int Size { get; }

        public static async Task<SearchFile> CreateAsync(string path, int size)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddMicrochat().UseLiteDb($"Filename={path}");
            var file = new SearchFile(services.BuildServiceProvider(), size);
            var messages = file._services.GetRequiredService<IMessageStore>();
            var start = DateTimeOffset.UnixEpoch.AddYears(56);
            var every = size / Matches;
            // Many appends in flight: the store's writer commits them in groups, so seeding 100k takes
            // minutes, not the hour one commit per message took. Ids follow commit order, which is all
            // the search needs.
            var inFlight = new List<Task>(SeedConcurrency);
            for (var i = 1; i <= size; i++)
            {
                // Words near the query's in the index ("zebra", "zero") must not be read as matches.
                var text = i % every == 0
                    ? $"Message {i}: the zephyr blows across the bay tonight"
                    : $"Message {i}: a line of ordinary chat text about zebras, zero and the weather {i % 97}";
                inFlight.Add(messages.AppendAsync(Chat, new MessageRecord { SenderId = i % 2 + 1, Text = text, SentAt = start.AddSeconds(i) },
                    CancellationToken.None).AsTask());
                if (inFlight.Count < SeedConcurrency) continue;
                await Task.WhenAll(inFlight);
                inFlight.Clear();
            }
            await Task.WhenAll(inFlight);
            return file;
        }

        public async Task<double> TimeSearchAsync()
        {
            var watch = Stopwatch.StartNew();
            var hits = await _search.SearchAsync([Chat], Query, null, CancellationToken.None);
            var found = await _search.GetManyAsync(hits.Select(h => (h.Chat, h.MessageId)).ToList(), CancellationToken.None);
            watch.Stop();
            if (found.Count != Matches) throw new InvalidOperationException($"Expected {Matches} matches, got {found.Count}.");
            return watch.Elapsed.TotalMicroseconds;
        }

        public ValueTask DisposeAsync() => _services.DisposeAsync();
    }
}
