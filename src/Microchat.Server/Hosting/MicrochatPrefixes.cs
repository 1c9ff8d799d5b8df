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
}
