using System.Globalization;

namespace Microchat.Benchmarks;

/// <summary>The harness's settings, from <c>--name value</c> pairs.</summary>
internal sealed record BenchmarkOptions
{
    public const string Usage =
        "dotnet run -c Release --project benchmarks/Microchat.Benchmarks -- "
        + "[--large 100000] [--small 1000] [--iterations 3000] [--warmup 300] [--count 20] [--max-ratio 1.5] [--seed 7]";

    public int Large { get; init; } = 100_000;
    public int Small { get; init; } = 1_000;
    public int Iterations { get; init; } = 3_000;
    public int Warmup { get; init; } = 300;
    public int Count { get; init; } = 20;
    /// <summary>When set, the run fails (exit code 1) if large/small exceeds it.</summary>
    public double? MaxRatio { get; init; }
    public int Seed { get; init; } = 7;

    public static BenchmarkOptions? Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length) return null;
            var value = args[i + 1];
            options = args[i] switch
            {
                "--large" => options with { Large = Int(value) },
                "--small" => options with { Small = Int(value) },
                "--iterations" => options with { Iterations = Int(value) },
                "--warmup" => options with { Warmup = Int(value) },
                "--count" => options with { Count = Int(value) },
                "--max-ratio" => options with { MaxRatio = double.Parse(value, CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = Int(value) },
                _ => null,
            };
            if (options is null) return null;
        }
        return options.Small >= 100 && options.Large >= options.Small && options.Count is >= 1 and <= 100 ? options : null;
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
}
