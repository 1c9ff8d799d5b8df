using System.Text.RegularExpressions;

namespace Microchat.Server.Domain;

/// <summary>
/// Finds the http(s) URLs in a message's text, the way a reader would see them: punctuation that
/// ends a sentence or closes a bracket around the link is not part of it.
/// </summary>
internal static partial class LinkExtractor
{
    // Characters a URL never contains unescaped and that people put around links: whitespace,
    // angle brackets, quotes, backticks. The pattern cannot backtrack badly; the timeout is a fence.
    [GeneratedRegex("""(?<![A-Za-z0-9+.-])https?://[^\s<>"`]+""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Candidate();

    private const string TrailingPunctuation = ".,;:!?'*…»›”’";

    /// <summary>The distinct http(s) URLs in the text, in order of first appearance.</summary>
    public static IReadOnlyList<string> Extract(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var urls = new List<string>();
        foreach (Match match in Candidate().Matches(text))
        {
            var url = Trim(match.Value);
            if (IsHttpUrl(url) && !urls.Contains(url, StringComparer.Ordinal)) urls.Add(url);
        }
        return urls;
    }

    /// <summary>Cuts trailing punctuation, and a closing bracket whose opening one is not in the URL.</summary>
    private static string Trim(string url)
    {
        var end = url.Length;
        while (end > 0)
        {
            var last = url[end - 1];
            if (TrailingPunctuation.Contains(last, StringComparison.Ordinal)) end--;
            else if (last is ')' or ']' or '}' && Unbalanced(url.AsSpan(0, end), last)) end--;
            else break;
        }
        return url[..end];
    }

    private static bool Unbalanced(ReadOnlySpan<char> url, char closing)
    {
        var opening = closing switch { ')' => '(', ']' => '[', _ => '{' };
        var depth = 0;
        foreach (var c in url)
        {
            if (c == opening) depth++;
            else if (c == closing) depth--;
        }
        return depth < 0;
    }

    // "https://" alone, or "https://.", is not a link.
    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0 && uri.Host.Any(char.IsLetterOrDigit);
}
