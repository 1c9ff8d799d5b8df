using Microsoft.Extensions.Options;

namespace Microchat.Server.Http;

/// <summary>Microchat's budgets, one limiter each, shared by every request.</summary>
internal sealed class MicrochatRateLimiters(IOptions<MicrochatOptions> options) : IDisposable
{
    private readonly WindowedRateLimiter _auth = new(
        MicrochatRateLimitKind.Auth, options.Value.AuthRateLimitPermits, options.Value.AuthRateLimitWindow);

    private readonly WindowedRateLimiter _send = new(
        MicrochatRateLimitKind.Send, options.Value.SendRateLimitPermits, options.Value.SendRateLimitWindow);

    public WindowedRateLimiter For(MicrochatRateLimitKind kind) => kind == MicrochatRateLimitKind.Send ? _send : _auth;

    public void Dispose()
    {
        _auth.Dispose();
        _send.Dispose();
    }
}
