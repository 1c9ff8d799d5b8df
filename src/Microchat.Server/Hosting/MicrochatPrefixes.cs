using Microsoft.AspNetCore.Http;

namespace Microchat.Server.Hosting;

/// <summary>The path prefixes MapMicrochat() was called with.</summary>
internal sealed class MicrochatPrefixes
{
    private readonly List<PathString> _prefixes = [];

    public void Add(string prefix)
    {
        lock (_prefixes) _prefixes.Add(new PathString("/" + prefix.Trim('/')));
    }

    public bool Covers(PathString path)
    {
        lock (_prefixes) return _prefixes.Any(p => path.StartsWithSegments(p));
    }

    /// <summary>Whether the prefix appears as whole segments anywhere in the path (a path base may come before it).</summary>
    public bool CoversAnywhere(string path)
    {
        // A plain string: converting a raw feature path to PathString would decode it a second time.
        var value = path;
        lock (_prefixes)
        {
            return _prefixes.Any(p => value.EndsWith(p.Value!, StringComparison.OrdinalIgnoreCase)
                || value.Contains(p.Value + "/", StringComparison.OrdinalIgnoreCase));
        }
    }
}
