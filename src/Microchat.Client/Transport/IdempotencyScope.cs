namespace Microchat.Client;

/// <summary>
/// A caller-chosen Idempotency-Key waiting for the next POST of the same async flow. It is
/// taken once, so two sends inside one scope never share a key (the second would get the first's answer).
/// </summary>
internal sealed class IdempotencyScope : IDisposable
{
    private static readonly AsyncLocal<IdempotencyScope?> Current = new();
    private readonly IdempotencyScope? _outer;
    private string? _key;

    private IdempotencyScope(string key)
    {
        _key = key;
        _outer = Current.Value;
        Current.Value = this;
    }

    public static IDisposable Begin(string key) => new IdempotencyScope(key);

    /// <summary>The waiting key, if any; it is used up.</summary>
    public static string? Take() => Current.Value is { } scope ? Interlocked.Exchange(ref scope._key, null) : null;

    public void Dispose()
    {
        if (Current.Value == this) Current.Value = _outer;
    }
}
