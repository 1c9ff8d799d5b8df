namespace Microchat.Server.Errors;

/// <summary>The kinds of failure a domain rule reports; each maps to one HTTP status.</summary>
internal enum DomainError
{
    Invalid = 400,
    Unauthorized = 401,
    Forbidden = 403,
    NotFound = 404,
    Conflict = 409,
    TooLarge = 413,
    UnsupportedMediaType = 415,
}
