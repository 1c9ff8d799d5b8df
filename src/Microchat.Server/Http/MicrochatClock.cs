namespace Microchat.Server.Http;

/// <summary>
/// The server's "now", cut to whole milliseconds: stores keep milliseconds, so a time returned
/// when something is created equals the time read back later.
/// </summary>
internal sealed class MicrochatClock(TimeProvider time)
{
    public DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }
}
