namespace Microchat.Server.Errors;

/// <summary>
/// A domain rule refused the request. Domain services throw it; one endpoint filter turns it
/// into a problem response, so handlers never build problem bodies by hand.
/// </summary>
internal sealed class DomainException(DomainError error, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public DomainError Error { get; } = error;

    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    public static DomainException NotFound(string what) => new(DomainError.NotFound, $"{what} was not found.");

    public static DomainException Forbidden(string detail) => new(DomainError.Forbidden, detail);

    public static DomainException Conflict(string detail) => new(DomainError.Conflict, detail);

    public static DomainException Unauthorized(string detail) => new(DomainError.Unauthorized, detail);

    public static DomainException Invalid(string field, string message) =>
        new(DomainError.Invalid, "The request is not valid.", new Dictionary<string, string[]> { [field] = [message] });
}
