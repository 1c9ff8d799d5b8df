namespace Microchat.Server.Errors;

/// <summary>
/// The problem <c>type</c> for the statuses the framework's defaults leave without one (it fills
/// in 400, 401, 403, 404, 405, 409, 415, 500, 503 and a few more, not 413 or 429).
/// </summary>
internal static class ProblemTypes
{
    public static string? For(int status) => status switch
    {
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        _ => null,
    };
}
