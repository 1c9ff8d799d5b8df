namespace Microchat.Server.Domain;

/// <summary>
/// The request being served carries an <c>Idempotency-Key</c>: its first unit of work records the
/// response in the same commit as the change, so a retry after a crash finds it and changes nothing.
/// Set by the HTTP layer for the duration of one request.
/// </summary>
internal sealed class IdempotentRequest(string storeKey, int successStatus)
{
    private static readonly AsyncLocal<IdempotentRequest?> Ambient = new();

    /// <summary>The request being served, if it carries a key.</summary>
    public static IdempotentRequest? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    /// <summary>The key as stored: hashed, and bound to the caller and the path.</summary>
    public string StoreKey { get; } = storeKey;

    /// <summary>The status the endpoint answers with on success (201 for a send, say).</summary>
    public int SuccessStatus { get; } = successStatus;

    /// <summary>True while a unit of work that records the response is running.</summary>
    public bool Claimed { get; set; }

    /// <summary>True once a unit of work of this request has recorded the response.</summary>
    public bool Recorded { get; set; }
}
