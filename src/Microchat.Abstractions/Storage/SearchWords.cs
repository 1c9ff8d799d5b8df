using System.Globalization;
using System.Text;

namespace Microchat.Storage;

/// <summary>
/// How text becomes search words, the same for what a store indexes and what a query asks:
/// compatibility-decomposed with accents (nonspacing marks) dropped, lower case, cut at every
/// character that is not a letter, digit or spacing mark. Every store indexes these words so
/// that a query word matches the words it starts.
/// </summary>
public static class SearchWords
{
    /// <summary>Words longer than this are indexed (and asked for) by their first this many characters.</summary>
    public const int MaxWordLength = 64;

    /// <summary>The distinct normalised words of a text, in order of first appearance; none for null.</summary>
    public static IReadOnlyList<string> Of(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var folded = Fold(text);
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var rune in folded.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                word.Append(rune.ToString());
                continue;
            }
            Flush(word, words, seen);
        }
        Flush(word, words, seen);
        return words;
    }

    private static string Fold(string text)
    {
        // FormKD also folds compatibility forms (fullwidth letters, ligatures) into the letters people type.
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.NonSpacingMark) kept.Append(rune.ToString());
        }
        // Recompose what decomposition split without marks (Hangul syllables), then lower-case.
        return kept.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }

    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.SpacingCombiningMark => true,
        _ => false,
    };

    private static void Flush(StringBuilder word, List<string> words, HashSet<string> seen)
    {
        if (word.Length == 0) return;
        var text = word.ToString();
        word.Clear();
        if (text.Length > MaxWordLength)
        {
            // Never cut a surrogate pair in two.
            var cut = char.IsHighSurrogate(text[MaxWordLength - 1]) ? MaxWordLength - 1 : MaxWordLength;
            text = text[..cut];
        }
        if (seen.Add(text)) words.Add(text);
    }
}
