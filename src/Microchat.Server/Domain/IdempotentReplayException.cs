using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>The request's key was used before: the first response is the answer, and nothing runs again.</summary>
internal sealed class IdempotentReplayException(IdempotencyRecord record) : Exception("The request was served before.")
{
    /// <summary>The first response, still protected as stored.</summary>
    public IdempotencyRecord Record { get; } = record;
}
