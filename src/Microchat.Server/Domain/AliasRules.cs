using System.Text.RegularExpressions;

namespace Microchat.Server.Domain;

/// <summary>What makes an alias: 3..32 of [A-Za-z0-9_], starting with a letter.</summary>
internal static partial class AliasRules
{
    public const string Description = "An alias is 3 to 32 letters, digits or underscores, starting with a letter.";

    public static bool IsValid(string? alias) => alias is not null && Pattern().IsMatch(alias);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{2,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
