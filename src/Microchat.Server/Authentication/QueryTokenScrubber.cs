using Microchat.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Microchat.Server.Authentication;

/// <summary>
/// Takes <c>access_token</c> out of a request's query string and raw target, keeping its value in
/// <see cref="QueryTokenFeature"/>. Works on the server's request feature, so it can run before an
/// <see cref="HttpContext"/> (and the host's "Request starting" log line) exists.
/// </summary>
internal static class QueryTokenScrubber
{
    public const string Parameter = "access_token";

    /// <summary>Scrubs the request if its path lies under a Microchat prefix (with any path base before it).</summary>
    public static void Scrub(IFeatureCollection features, MicrochatPrefixes prefixes)
    {
        if (features.Get<IHttpRequestFeature>() is not { } request) return;
        var query = request.QueryString;
        if (string.IsNullOrEmpty(query)) return;
        // The path base is applied later by the host's middleware, so the prefix may follow one.
        if (!prefixes.CoversAnywhere(string.Concat(request.PathBase, request.Path))) return;

        if (!TryRemove(query, out var rest, out var token)) return;
        request.QueryString = rest;
        var raw = request.RawTarget;
        if (!string.IsNullOrEmpty(raw))
        {
            var mark = raw.IndexOf('?', StringComparison.Ordinal);
            request.RawTarget = mark < 0 ? raw : raw[..mark] + rest;
        }
        if (features.Get<QueryTokenFeature>() is null) features.Set(new QueryTokenFeature(token));
    }

    /// <summary>Removes every <c>access_token</c> pair from <paramref name="query"/> ("?a=1&amp;..."), keeping the rest as sent.</summary>
    public static bool TryRemove(string query, out string rest, out string token)
    {
        token = "";
        var found = false;
        var kept = new List<string>();
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            if (string.Equals(key, Parameter, StringComparison.OrdinalIgnoreCase))
            {
                if (!found || token.Length == 0) token = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
                found = true;
            }
            else if (pair.Length > 0)
            {
                kept.Add(pair);
            }
        }
        rest = kept.Count == 0 ? "" : "?" + string.Join('&', kept);
        return found;
    }

    // As the framework's query parser decodes: '+' is a space, then percent-escapes.
    private static string Decode(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}
