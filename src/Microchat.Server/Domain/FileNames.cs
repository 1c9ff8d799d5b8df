using System.Text;

namespace Microchat.Server.Domain;

/// <summary>Makes a client's file name safe to store and to send back in a Content-Disposition.</summary>
internal static class FileNames
{
    public const int MaxLength = 255;

    /// <summary>
    /// The last segment of the name (clients send paths like <c>C:\photos\cat.jpg</c>), without
    /// control characters or the bidirectional overrides that make "exe.txt" show as "txt.exe";
    /// "file" plus an extension for the type when nothing usable is left.
    /// </summary>
    public static string Sanitise(string? name, string contentType)
    {
        var clean = new StringBuilder();
        var last = (name ?? "").Split('/', '\\')[^1];
        foreach (var rune in last.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || IsBidiControl(rune.Value)) continue;
            if (clean.Length + rune.Utf16SequenceLength > MaxLength) break;
            clean.Append(rune.ToString());
        }
        var result = clean.ToString().Trim();
        return result.Length == 0 || result.All(c => c == '.') ? "file" + MediaTypes.ExtensionOf(contentType) : result;
    }

    private static bool IsBidiControl(int c) => c is 0x200E or 0x200F or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);
}
