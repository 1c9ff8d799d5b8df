namespace Microchat.Client;

/// <summary>
/// The server could not be reached, or did not answer in time, even after the retries
/// <see cref="MicrochatClientOptions.MaxAttempts"/> allows. A POST may still have been applied
/// once; replaying it with the same Idempotency-Key (see <see cref="MicrochatClient.UseIdempotencyKey"/>) is safe.
/// </summary>
public sealed class MicrochatTransportException : MicrochatException
{
    /// <summary>A transport failure of one call.</summary>
    public MicrochatTransportException(string message, Exception? innerException, int attempts, string? idempotencyKey)
        : base(message, innerException)
    {
        Attempts = attempts;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>How many times the call was tried.</summary>
    public int Attempts { get; }

    /// <summary>The Idempotency-Key the call carried (POST only): reuse it to retry later without doubling.</summary>
    public string? IdempotencyKey { get; }
}
