namespace Microchat.Storage;

/// <summary>One step of a replay: a recipient's events found, and the id up to which the log was examined.</summary>
/// <param name="Events">The recipient's events, in id order.</param>
/// <param name="Through">The last id examined; the next step starts after it. Equal to the step's start when the log has nothing newer.</param>
public sealed record EventPage(IReadOnlyList<EventRecord> Events, long Through);
