using System.Collections.Concurrent;
using System.Net;

namespace Microchat.Server.Tests.Bots;

/// <summary>
/// Sits between the client and the in-memory server and breaks chosen calls the way networks do:
/// the answer lost after the server acted (a timeout mid-flight), the connection dropped before
/// it, or a 429. Records every attempt with its Idempotency-Key.
/// </summary>
public sealed class FaultInjectingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<Fault> _faults = new();

    public enum Fault
    {
        /// <summary>The server handles the request, then the client times out waiting for the answer.</summary>
        TimeoutAfterServerActed,
        /// <summary>The connection drops after the server handled the request.</summary>
        ConnectionLostAfterServerActed,
        /// <summary>The connection fails before the request reaches the server.</summary>
        ConnectionRefused,
        /// <summary>A 429 with Retry-After: 1, without reaching the server.</summary>
        RateLimited,
        /// <summary>A 429 with Retry-After: 3600.</summary>
        RateLimitedForAnHour,
    }

    /// <summary>Which requests the faults apply to (default: every request).</summary>
    public Func<HttpRequestMessage, bool> Applies { get; init; } = _ => true;

    /// <summary>Every attempt that matched <see cref="Applies"/>: method, path and Idempotency-Key.</summary>
    public ConcurrentQueue<(HttpMethod Method, string Path, string? Key)> Attempts { get; } = new();

    /// <summary>Breaks the next matching requests, one fault each, in this order.</summary>
    public void Next(params Fault[] faults)
    {
        foreach (var fault in faults) _faults.Enqueue(fault);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!Applies(request)) return await base.SendAsync(request, cancellationToken);
        Attempts.Enqueue((request.Method, request.RequestUri!.AbsolutePath,
            request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null));
        if (!_faults.TryDequeue(out var fault)) return await base.SendAsync(request, cancellationToken);
        switch (fault)
        {
            case Fault.ConnectionRefused:
                throw new HttpRequestException("Connection refused (injected).", new IOException("refused"));
            case Fault.RateLimited or Fault.RateLimitedForAnHour:
                var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { RequestMessage = request };
                limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(
                    TimeSpan.FromSeconds(fault == Fault.RateLimited ? 1 : 3600));
                return limited;
        }
        using var answered = await base.SendAsync(request, cancellationToken);
        await answered.Content.LoadIntoBufferAsync(cancellationToken);
        throw fault == Fault.TimeoutAfterServerActed
            ? new TaskCanceledException("The request timed out (injected).", new TimeoutException())
            : new HttpRequestException("The connection was reset (injected).", new IOException("reset"));
    }
}
