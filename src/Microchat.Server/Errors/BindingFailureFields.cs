using System.Text;
using System.Text.RegularExpressions;

namespace Microchat.Server.Errors;

/// <summary>
/// Turns the framework's binding messages ("Failed to bind parameter "Nullable&lt;int&gt; Count"
/// from "abc".") into a field error in words ({ "count": ["count must be a whole number."] }),
/// without echoing the value sent.
/// </summary>
internal static partial class BindingFailureFields
{
    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[A-Za-z_][A-Za-z0-9_]*)\" from")]
    private static partial Regex BindFailed();

    [GeneratedRegex("^Required parameter \"(?<type>.+) (?<name>[A-Za-z_][A-Za-z0-9_]*)\" was not provided from (?<source>[a-z ]+)")]
    private static partial Regex NotProvided();

    /// <summary>The field and message for a binding failure, or null when the message is not one of those.</summary>
    public static (string Field, string Message)? Describe(string frameworkMessage)
    {
        if (BindFailed().Match(frameworkMessage) is { Success: true } failed)
        {
            var field = SnakeCase(failed.Groups["name"].Value);
            return (field, $"{field} must be {Expected(failed.Groups["type"].Value)}.");
        }
        if (NotProvided().Match(frameworkMessage) is { Success: true } missing)
        {
            var field = SnakeCase(missing.Groups["name"].Value);
            return (field, $"{field} is required.");
        }
        return null;
    }

    private static string Expected(string type)
    {
        var inner = type.StartsWith("Nullable<", StringComparison.Ordinal) ? type[9..^1] : type;
        return inner switch
        {
            "int" or "long" or "short" or "Int32" or "Int64" or "Int16" or "uint" or "ulong" => "a whole number (in range)",
            "double" or "float" or "decimal" or "Double" or "Single" or "Decimal" => "a number",
            "bool" or "Boolean" => "true or false",
            "DateTime" or "DateTimeOffset" => "an ISO-8601 time",
            "Guid" => "a GUID",
            _ => "a valid value",
        };
    }

    // Parameters are C# names (Count, LastEventId); the wire spells them in snake_case.
    private static string SnakeCase(string name)
    {
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && name[i - 1] != '_') result.Append('_');
            result.Append(char.ToLowerInvariant(c));
        }
        return result.ToString();
    }
}
