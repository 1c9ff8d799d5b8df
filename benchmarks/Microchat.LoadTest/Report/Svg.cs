using System.Globalization;
using System.Text;

namespace Microchat.LoadTest.Report;

/// <summary>Two small plots drawn as SVG by hand: no plotting package for two charts.</summary>
internal static class Svg
{
    private static readonly string[] Colors = ["#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd"];
    private const int Width = 720, Height = 420, Left = 70, Right = 180, Top = 40, Bottom = 60;

    /// <summary>Requests per second against connections, one line per series.</summary>
    public static string Throughput(IReadOnlyList<ThroughputPoint> points)
    {
        var series = points.GroupBy(p => p.Series).ToList();
        var xs = points.Select(p => p.Connections).Distinct().Order().ToList();
        var yMax = NiceCeiling(points.Max(p => p.PerSecond));
        var sb = Begin("Throughput against connections (closed loop)");
        Axes(sb, "connections", "requests / s");
        double X(int c) => Left + (xs.Count == 1 ? 0.5 : (double)xs.IndexOf(c) / (xs.Count - 1)) * (Width - Left - Right);
        double Y(double v) => Height - Bottom - v / yMax * (Height - Top - Bottom);
        foreach (var x in xs) Text(sb, X(x), Height - Bottom + 18, x.ToString(CultureInfo.InvariantCulture), "middle");
        for (var i = 0; i <= 4; i++) Tick(sb, Y(yMax * i / 4), (yMax * i / 4).ToString("0", CultureInfo.InvariantCulture));
        var k = 0;
        foreach (var s in series)
        {
            var color = Colors[k % Colors.Length];
            var path = string.Join(" ", s.OrderBy(p => p.Connections).Select(p => F(X(p.Connections)) + "," + F(Y(p.PerSecond))));
            sb.AppendLine($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{path}\"/>");
            foreach (var p in s) sb.AppendLine($"<circle cx=\"{F(X(p.Connections))}\" cy=\"{F(Y(p.PerSecond))}\" r=\"4\" fill=\"{color}\"><title>{Escape(s.Key)}: {p.PerSecond:0} req/s</title></circle>");
            Legend(sb, k++, color, s.Key);
        }
        return End(sb);
    }

    /// <summary>A latency histogram on logarithmic bins, one outline per system, as a share of deliveries.</summary>
    public static string Histogram(string title, IReadOnlyList<FanOutSeries> series)
    {
        var all = series.SelectMany(s => s.Milliseconds).Where(v => v > 0).ToList();
        var lo = Math.Floor(Math.Log10(Math.Max(0.1, all.Count == 0 ? 1 : all.Min())));
        var hi = Math.Ceiling(Math.Log10(Math.Max(1, all.Count == 0 ? 10 : all.Max())));
        if (hi <= lo) hi = lo + 1;
        const int binsPerDecade = 8;
        var bins = (int)((hi - lo) * binsPerDecade);
        var shares = series.Select(s =>
        {
            var counts = new double[bins];
            foreach (var v in s.Milliseconds)
            {
                var b = (int)((Math.Log10(Math.Max(v, 1e-3)) - lo) * binsPerDecade);
                counts[Math.Clamp(b, 0, bins - 1)]++;
            }
            return counts.Select(c => s.Milliseconds.Count == 0 ? 0 : c / s.Milliseconds.Count).ToArray();
        }).ToList();
        var yMax = Math.Min(1, NiceCeiling(shares.SelectMany(x => x).DefaultIfEmpty(0.1).Max()));
        var sb = Begin(title);
        Axes(sb, "send-to-receive latency (ms, log scale)", "share of deliveries");
        double X(double bin) => Left + bin / bins * (Width - Left - Right);
        double Y(double v) => Height - Bottom - v / yMax * (Height - Top - Bottom);
        for (var d = lo; d <= hi; d++)
            Text(sb, X((d - lo) * binsPerDecade), Height - Bottom + 18, Math.Pow(10, d).ToString("0.###", CultureInfo.InvariantCulture), "middle");
        for (var i = 0; i <= 4; i++) Tick(sb, Y(yMax * i / 4), (yMax * i / 4).ToString("0.##", CultureInfo.InvariantCulture));
        for (var k = 0; k < series.Count; k++)
        {
            var color = Colors[k % Colors.Length];
            var pts = new StringBuilder();
            pts.Append(F(X(0))).Append(',').Append(F(Y(0)));
            for (var b = 0; b < bins; b++)
            {
                pts.Append(' ').Append(F(X(b))).Append(',').Append(F(Y(shares[k][b])));
                pts.Append(' ').Append(F(X(b + 1))).Append(',').Append(F(Y(shares[k][b])));
            }
            pts.Append(' ').Append(F(X(bins))).Append(',').Append(F(Y(0)));
            sb.AppendLine($"<polyline fill=\"{color}\" fill-opacity=\"0.15\" stroke=\"{color}\" stroke-width=\"1.5\" points=\"{pts}\"/>");
            var sorted = series[k].Milliseconds.Order().ToArray();
            var p99 = sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(0.99 * sorted.Length) - 1, 0, sorted.Length - 1)];
            Legend(sb, k, color, $"{series[k].System} (p99 {p99.ToString("0.#", CultureInfo.InvariantCulture)} ms)");
        }
        return End(sb);
    }

    private static StringBuilder Begin(string title)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">");
        sb.AppendLine($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>");
        Text(sb, Width / 2.0, 22, title, "middle", 15);
        return sb;
    }

    private static string End(StringBuilder sb) => sb.AppendLine("</svg>").ToString();

    private static void Axes(StringBuilder sb, string xLabel, string yLabel)
    {
        sb.AppendLine($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>");
        sb.AppendLine($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>");
        Text(sb, (Left + Width - Right) / 2.0, Height - 15, xLabel, "middle");
        sb.AppendLine($"<text x=\"16\" y=\"{(Top + Height - Bottom) / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {(Top + Height - Bottom) / 2})\">{Escape(yLabel)}</text>");
    }

    private static void Tick(StringBuilder sb, double y, string label)
    {
        sb.AppendLine($"<line x1=\"{Left - 4}\" y1=\"{F(y)}\" x2=\"{Width - Right}\" y2=\"{F(y)}\" stroke=\"#ddd\"/>");
        Text(sb, Left - 8, y + 4, label, "end");
    }

    private static void Legend(StringBuilder sb, int k, string color, string label)
    {
        var y = Top + 10 + k * 20;
        sb.AppendLine($"<rect x=\"{Width - Right + 12}\" y=\"{y - 9}\" width=\"12\" height=\"12\" fill=\"{color}\"/>");
        Text(sb, Width - Right + 30, y + 1, label, "start", 11);
    }

    private static void Text(StringBuilder sb, double x, double y, string text, string anchor, int size = 12) =>
        sb.AppendLine($"<text x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"{anchor}\" font-size=\"{size}\">{Escape(text)}</text>");

    private static double NiceCeiling(double v)
    {
        if (v <= 0 || !double.IsFinite(v)) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(v)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 })
            if (m * magnitude >= v) return m * magnitude;
        return 10 * magnitude;
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
