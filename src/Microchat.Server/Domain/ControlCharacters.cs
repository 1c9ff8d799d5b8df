using Microchat.Server.Errors;

namespace Microchat.Server.Domain;

/// <summary>
/// Refuses text that carries control characters: NUL cuts strings short in many stores and
/// terminals, the rest hide or reorder what users see. Tab, line feed and carriage return (a
/// newline as Windows clients send it) are allowed; so is every printable character. A lone
/// surrogate (an escaped half of a pair) is refused too: it is not text and would not round-trip.
/// </summary>
internal static class ControlCharacters
{
    public static bool AreAbsentFrom(string? value)
    {
        if (value is null) return true;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) return false;
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return false;
        }
        return true;
    }

    /// <summary>Adds an error naming <paramref name="field"/> when its value has a forbidden character.</summary>
    public static FieldErrors RequireNoControlCharacters(this FieldErrors errors, string? value, string field) =>
        errors.Require(AreAbsentFrom(value), field, $"{field} may not contain control characters (other than tab and newline).");
}
