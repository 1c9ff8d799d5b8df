using System.Globalization;

namespace Microchat.Storage;

/// <summary>
/// Names a chat's message history: a dialog is shared by its two sides ("d:3:17", lower id
/// first, or "d:5:5" for saved messages), a conference's is its own ("c:42").
/// </summary>
public readonly record struct ChatKey(string Value)
{
    /// <summary>The dialog between two entities, whichever side asks.</summary>
    public static ChatKey Dialog(long a, long b) =>
        new(string.Create(CultureInfo.InvariantCulture, $"d:{Math.Min(a, b)}:{Math.Max(a, b)}"));

    /// <summary>A conference's chat.</summary>
    public static ChatKey Conference(long conferenceId) =>
        new(string.Create(CultureInfo.InvariantCulture, $"c:{conferenceId}"));

    /// <summary>Whether this is a dialog.</summary>
    public bool IsDialog => Value.StartsWith("d:", StringComparison.Ordinal);

    /// <summary>The two sides of a dialog (equal for saved messages); empty for a conference.</summary>
    public IReadOnlyList<long> Participants
    {
        get
        {
            if (!IsDialog) return [];
            var parts = Value.Split(':');
            return [long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture)];
        }
    }

    /// <summary>The conference whose chat this is; null for a dialog.</summary>
    public long? ConferenceId => IsDialog ? null : long.Parse(Value.AsSpan(2), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => Value;
}
