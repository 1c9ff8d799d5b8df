using System.Globalization;
using System.Text;
using Microchat.Server.Errors;

namespace Microchat.Server.Domain;

/// <summary>
/// What counts as one emoji in a reaction's path: exactly one extended grapheme cluster (so skin tones,
/// ZWJ sequences, flags and keycaps are one), that is pictographic: it holds a symbol (Unicode "So"),
/// a regional indicator pair, or an emoji presentation selector or keycap mark. Letters, digits and
/// punctuation alone are not emoji.
/// </summary>
internal static class EmojiRules
{
    // The longest ZWJ family sequences are about 11 code points; this leaves room and bounds index keys.
    private const int MaxLength = 64;

    public const int MaxDistinctPerMessage = 20;

    /// <summary>The emoji in NFC, or a 400 on <c>emoji</c>.</summary>
    public static string Require(string? raw)
    {
        var emoji = raw?.Normalize(NormalizationForm.FormC);
        if (emoji is null || emoji.Length is 0 or > MaxLength || new StringInfo(emoji).LengthInTextElements != 1 || !IsPictographic(emoji))
            throw DomainException.Invalid("emoji", "emoji must be exactly one emoji (URL-encoded).");
        return emoji;
    }

    private static bool IsPictographic(string cluster)
    {
        foreach (var rune in cluster.EnumerateRunes())
        {
            if (rune.Value is 0xFE0F or 0x20E3 or (>= 0x1F1E6 and <= 0x1F1FF)) return true;
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol) return true;
        }
        return false;
    }
}
