namespace Microchat.Server.Errors;

/// <summary>Collects validation messages by field, then throws them all at once.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
            _errors[field] = messages = [];
        messages.Add(message);
        return this;
    }

    /// <summary>Adds the message when the condition does not hold.</summary>
    public FieldErrors Require(bool condition, string field, string message) => condition ? this : Add(field, message);

    public void ThrowIfAny()
    {
        if (_errors.Count == 0) return;
        throw new DomainException(DomainError.Invalid, "The request is not valid.",
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }
}
