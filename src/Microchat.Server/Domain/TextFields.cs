namespace Microchat.Server.Domain;

/// <summary>How free-text fields are stored.</summary>
internal static class TextFields
{
    /// <summary>A one-line name or title, trimmed; null when blank.</summary>
    public static string? Line(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A bio or description kept as written (line breaks and all); null when blank, so sending "" clears it.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
