using System.Diagnostics;
using System.Globalization;
using Microchat.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Benchmarks;

/// <summary>
/// "The page before message N" on a chat of <c>--large</c> messages against one of <c>--small</c>,
/// each in its own LiteDB file. The two are measured alternately in one process (their order
/// swapping every round), so JIT, GC and machine noise fall on both alike; medians are reported.
/// </summary>
internal static class PagingBenchmark
{
    private static readonly ChatKey Chat = ChatKey.Dialog(1, 2);

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var directory = Directory.CreateTempSubdirectory("microchat-bench-");
        try
        {
            await using var small = await ChatFile.CreateAsync(Path.Combine(directory.FullName, "small.db"), options.Small);
            await using var large = await ChatFile.CreateAsync(Path.Combine(directory.FullName, "large.db"), options.Large);
            Console.WriteLine($"Seeded {small.Size:N0} and {large.Size:N0} messages.");

            var random = new Random(options.Seed);
            var cases = new[] { small, large };
            var spans = new[] { false, true };
            foreach (var withSpans in spans)
            {
                var samples = cases.ToDictionary(c => c, _ => new List<double>(options.Iterations));
                for (var round = 0; round < options.Warmup + options.Iterations; round++)
                {
                    // Alternate which case goes first, so neither always runs on a warmer cache.
                    var order = round % 2 == 0 ? cases : [large, small];
                    foreach (var file in order)
                    {
                        var elapsed = await file.TimePageAsync(random, options.Count, withSpans);
                        if (round >= options.Warmup) samples[file].Add(elapsed);
                    }
                }
                var ratio = Report(withSpans ? "with reader spans" : "whole history", small, large, samples);
                if (options.MaxRatio is { } max && ratio > max)
                {
                    Console.WriteLine($"FAIL: ratio {ratio:F2} is above {max:F2}.");
                    return 1;
                }
            }
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static double Report(string label, ChatFile small, ChatFile large, Dictionary<ChatFile, List<double>> samples)
    {
        var smallMedian = Percentile(samples[small], 0.5);
        var largeMedian = Percentile(samples[large], 0.5);
        var ratio = largeMedian / smallMedian;
        Console.WriteLine();
        Console.WriteLine($"ListAsync(count, before = middle), {label}; {samples[small].Count:N0} samples each, microseconds:");
        Console.WriteLine($"  {"messages",10} {"median",9} {"p90",9} {"p99",9} {"mean",9}");
        foreach (var file in new[] { small, large })
        {
            var s = samples[file];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {file.Size,10:N0} {Percentile(s, 0.5),9:F1} {Percentile(s, 0.9),9:F1} {Percentile(s, 0.99),9:F1} {s.Average(),9:F1}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio of medians (large / small): {ratio:F2}"));
        return ratio;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
    }

    /// <summary>One LiteDB file holding one dialog of <see cref="Size"/> messages.</summary>
    private sealed class ChatFile : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly IMessageStore _messages;

        private ChatFile(ServiceProvider services, int size)
        {
            _services = services;
            _messages = services.GetRequiredService<IMessageStore>();
            Size = size;
        }

        public int Size { get; }

        public static async Task<ChatFile> CreateAsync(string path, int size)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddMicrochat().UseLiteDb($"Filename={path}");
            var file = new ChatFile(services.BuildServiceProvider(), size);
            var start = DateTimeOffset.UnixEpoch.AddYears(56);
            for (var i = 1; i <= size; i++)
            {
                await file._messages.AppendAsync(Chat, new MessageRecord
                {
                    SenderId = i % 2 + 1,
                    Text = $"Message {i}: a line of ordinary chat text, long enough to look like one. https://example.com/{i}",
                    Links = [new LinkRecord(0, $"https://example.com/{i}")],
                    SentAt = start.AddSeconds(i),
                }, CancellationToken.None);
            }
            return file;
        }

        /// <summary>Times one page read from around the middle of the chat, in microseconds.</summary>
        public async Task<double> TimePageAsync(Random random, int count, bool withSpans)
        {
            var middle = Size / 2;
            var before = middle + random.Next(-Size / 10, Size / 10 + 1);
            // A private conference reader who joined, left and came back: three spans around the page.
            IReadOnlyList<MessageSpan>? spans = withSpans
                ? [new MessageSpan(1, Size / 10), new MessageSpan(Size / 4, before - count / 2), new MessageSpan(before + 1, null)]
                : null;
            var query = new MessageQuery(before, 0, count, spans);
            var watch = Stopwatch.StartNew();
            var page = await _messages.ListAsync(Chat, query, CancellationToken.None);
            watch.Stop();
            if (page.Count != count) throw new InvalidOperationException($"Expected {count} messages, got {page.Count}.");
            return watch.Elapsed.TotalMicroseconds;
        }

        public ValueTask DisposeAsync() => _services.DisposeAsync();
    }
}
