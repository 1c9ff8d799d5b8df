using System.Globalization;
using Microchat.Storage;

namespace Microchat.Server.Events;

/// <summary>
/// Log entries for the servers, never shown to clients: they travel the same feed as every event,
/// so a token revoked or an entity deleted on one host closes the streams it opened on every host.
/// </summary>
internal static class ControlEvents
{
    /// <summary>Close the streams opened with one token (data: the token id).</summary>
    public const string TokenRevoked = "_token_revoked";

    /// <summary>Close every stream of the recipients (they were deleted).</summary>
    public const string StreamsClosed = "_streams_closed";

    /// <summary>
    /// Forget these entities (data: their ids, comma-separated): their record or avatars changed. It has
    /// no recipients, so no stream is closed and nobody replays it; every host's caches read it.
    /// </summary>
    public const string EntitiesChanged = "_entities_changed";

    public static bool IsControl(string name) => name.StartsWith('_');

    public static EventRecord RevokeToken(long ownerId, long tokenId, DateTimeOffset now) => new()
    {
        Name = TokenRevoked, Data = tokenId.ToString(CultureInfo.InvariantCulture), Recipients = [ownerId], CreatedAt = now,
    };

    public static EventRecord CloseStreams(IReadOnlyList<long> entityIds, DateTimeOffset now) => new()
    {
        Name = StreamsClosed, Data = "", Recipients = entityIds, CreatedAt = now,
    };

    public static EventRecord ChangeEntities(IEnumerable<long> entityIds, DateTimeOffset now) => new()
    {
        Name = EntitiesChanged, Data = string.Join(',', entityIds.Select(id => id.ToString(CultureInfo.InvariantCulture))), Recipients = [], CreatedAt = now,
    };

    /// <summary>The entities an entry says changed or went away (none for other entries).</summary>
    public static IReadOnlyList<long> ChangedEntitiesOf(EventRecord e) => e.Name switch
    {
        StreamsClosed => e.Recipients,
        EntitiesChanged => e.Data.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .ToList(),
        _ => [],
    };

    public static long? TokenIdOf(EventRecord e) =>
        e.Name == TokenRevoked && long.TryParse(e.Data, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
