namespace Microchat.Client;

/// <summary>One call as the send path needs it: content made afresh for every attempt.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path under the API root, with its query.</param>
/// <param name="Content">Makes the body for one attempt (called again on a retry); null for none.</param>
/// <param name="Replayable">Whether the body can be sent again (false for a stream that cannot seek).</param>
internal sealed record MicrochatRequest(HttpMethod Method, string Path, Func<HttpContent>? Content = null, bool Replayable = true)
{
    /// <summary>Headers-only completion for streams and downloads.</summary>
    public HttpCompletionOption Completion { get; init; } = HttpCompletionOption.ResponseContentRead;

    /// <summary>Extra headers (Accept, Range, Last-Event-ID …).</summary>
    public Action<HttpRequestMessage>? Configure { get; init; }

    /// <summary>False when the caller runs its own retry loop (the event stream).</summary>
    public bool Retry { get; init; } = true;
}
