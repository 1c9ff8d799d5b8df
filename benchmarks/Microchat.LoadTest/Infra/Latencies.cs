namespace Microchat.LoadTest.Infra;

/// <summary>Latency samples in milliseconds and their percentiles.</summary>
internal sealed class Latencies
{
    private readonly List<double> samples = [];

    public int Count => samples.Count;
    public IReadOnlyList<double> Samples => samples;

    public void Add(double ms) => samples.Add(ms);

    public void AddRange(IEnumerable<double> ms) => samples.AddRange(ms);

    public double Percentile(double p)
    {
        if (samples.Count == 0) return double.NaN;
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public double P50 => Percentile(50);
    public double P99 => Percentile(99);
}
