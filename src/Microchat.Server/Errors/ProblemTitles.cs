namespace Microchat.Server.Errors;

/// <summary>The one title used for each status, so clients can show it as is.</summary>
internal static class ProblemTitles
{
    public static string For(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict",
        413 => "Payload too large",
        415 => "Unsupported media type",
        429 => "Too many requests",
        _ => "Error",
    };
}
