using Microchat.Server.Errors;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>The <c>q</c> of a search: 1..256 characters holding at least one word.</summary>
internal static class SearchQuery
{
    public const int MaxLength = 256;

    /// <summary>The query's normalised words (<see cref="SearchWords"/>), or a 400 on <c>q</c>.</summary>
    public static IReadOnlyList<string> Words(string? q)
    {
        if (string.IsNullOrEmpty(q) || q.Length > MaxLength)
            throw DomainException.Invalid("q", $"q must be 1 to {MaxLength} characters.");
        var words = SearchWords.Of(q);
        if (words.Count == 0) throw DomainException.Invalid("q", "q must hold at least one word (letters or digits).");
        return words;
    }
}
