using System.Diagnostics;
using System.Globalization;

namespace Microchat.LoadTest.Infra;

/// <summary>
/// Send-to-receive times of one fan-out round. Each message text is <c>bench~round~seq~ticks</c>,
/// the ticks taken just before the send starts (sender and receivers share this process's clock).
/// </summary>
internal sealed class FanOutRecorder
{
    public const string Marker = "bench~";

    private int round;
    private int subscribers;
    private int messages;
    private bool[][] seen = [];
    private double[][] latencies = [];
    private int[] counts = [];
    private long received;
    private long[] sentTicks = [];

    public long Received => Interlocked.Read(ref received);
    public long Expected => (long)subscribers * messages;

    public void BeginRound(int roundNumber, int subscriberCount, int messageCount)
    {
        subscribers = subscriberCount;
        messages = messageCount;
        seen = new bool[subscriberCount][];
        latencies = new double[subscriberCount][];
        for (var i = 0; i < subscriberCount; i++)
        {
            seen[i] = new bool[messageCount];
            latencies[i] = new double[messageCount];
        }
        counts = new int[subscriberCount];
        sentTicks = new long[messageCount];
        Interlocked.Exchange(ref received, 0);
        Volatile.Write(ref round, roundNumber);
    }

    public string Text(int seq)
    {
        var ticks = Stopwatch.GetTimestamp();
        sentTicks[seq] = ticks;
        return string.Create(CultureInfo.InvariantCulture, $"{Marker}{Volatile.Read(ref round)}~{seq}~{ticks}");
    }

    /// <summary>Called by subscriber <paramref name="subscriber"/> with any payload line; ignores what is not this round's.</summary>
    public void OnPayload(int subscriber, ReadOnlySpan<char> payload)
    {
        var now = Stopwatch.GetTimestamp();
        var at = payload.IndexOf(Marker.AsSpan(), StringComparison.Ordinal);
        if (at < 0) return;
        var rest = payload[(at + Marker.Length)..];
        if (!TryTake(ref rest, out var r) || !TryTake(ref rest, out var seq) || !TryTake(ref rest, out var ticks)) return;
        if (r != Volatile.Read(ref round) || subscriber >= subscribers || seq < 0 || seq >= messages) return;
        var mine = seen[subscriber];
        if (mine[seq]) return;
        mine[seq] = true;
        latencies[subscriber][seq] = Stopwatch.GetElapsedTime(ticks, now).TotalMilliseconds;
        counts[subscriber]++;
        Interlocked.Increment(ref received);
    }

    /// <summary>
    /// The round's latencies, the undelivered ones counted as the time until now (a lower bound),
    /// and how many were delivered.
    /// </summary>
    public (Latencies Latencies, long Delivered) Snapshot(int sentCount)
    {
        var now = Stopwatch.GetTimestamp();
        var result = new Latencies();
        long delivered = 0;
        for (var s = 0; s < subscribers; s++)
        {
            for (var m = 0; m < sentCount; m++)
            {
                if (seen[s][m])
                {
                    result.Add(latencies[s][m]);
                    delivered++;
                }
                else
                {
                    result.Add(Stopwatch.GetElapsedTime(sentTicks[m], now).TotalMilliseconds);
                }
            }
        }
        return (result, delivered);
    }

    /// <summary>Stops counting this round: late deliveries are ignored.</summary>
    public void EndRound() => Volatile.Write(ref round, -1);

    private static bool TryTake(ref ReadOnlySpan<char> rest, out long value)
    {
        var end = 0;
        while (end < rest.Length && char.IsAsciiDigit(rest[end])) end++;
        var ok = long.TryParse(rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out value);
        rest = end < rest.Length ? rest[(end + 1)..] : default;
        return ok;
    }
}
