namespace Microchat.Client;

/// <summary>Settings of a <see cref="MicrochatClient"/>: where the server is, and how hard to retry.</summary>
public sealed class MicrochatClientOptions
{
    /// <summary>The server's API root, e.g. <c>http://localhost:5080/api</c> (a trailing slash is optional).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The bearer token to send, if known up front (a bot's, say).</summary>
    public string? Token { get; set; }

    /// <summary>
    /// How long one attempt may wait for its answer (default 30 s; for the event stream and
    /// downloads, for the response headers). Past it the attempt counts as a lost connection
    /// and is retried as <see cref="MaxAttempts"/> allows. Raise it for large uploads on slow links.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many times one call is tried when the connection fails or times out before an answer
    /// (default 3). GET, PUT, DELETE and POST (which always carries an Idempotency-Key) are
    /// retried; PATCH and an upload from a stream that cannot seek are not.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first wait before retrying after a failed connection (default 0.5 s); it doubles each time.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many 429 answers one call sits out before giving up with the 429 (default 3; 0 never waits).</summary>
    public int RateLimitRetryCount { get; set; } = 3;

    /// <summary>The longest <c>Retry-After</c> the client waits out on its own (default 60 s); a longer one is thrown at once.</summary>
    public TimeSpan RateLimitRetryThreshold { get; set; } = TimeSpan.FromSeconds(60);
}
