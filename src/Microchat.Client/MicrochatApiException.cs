using System.Net;
using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>The server refused a request: carries its problem details (status, title, detail, field errors).</summary>
public sealed class MicrochatApiException(HttpStatusCode statusCode, Problem? problem, TimeSpan? retryAfter = null, string? message = null)
    : MicrochatException(message ?? problem?.Detail ?? problem?.Title ?? $"The Microchat server answered {(int)statusCode} {statusCode}.")
{
    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The problem body, when the server sent one.</summary>
    public Problem? Problem { get; } = problem;

    /// <summary>The short, fixed title of the status.</summary>
    public string? Title => Problem?.Title;

    /// <summary>What went wrong, in words.</summary>
    public string? Detail => Problem?.Detail;

    /// <summary>Validation messages by field; empty when the failure was not a validation one.</summary>
    public IReadOnlyDictionary<string, string[]> Errors => Problem?.Errors ?? new Dictionary<string, string[]>();

    /// <summary>How long the server asked to wait before retrying (429).</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
