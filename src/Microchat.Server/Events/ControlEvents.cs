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

    public static bool IsControl(string name) => name.StartsWith('_');

    public static EventRecord RevokeToken(long ownerId, long tokenId, DateTimeOffset now) => new()
    {
        Name = TokenRevoked, Data = tokenId.ToString(CultureInfo.InvariantCulture), Recipients = [ownerId], CreatedAt = now,
    };

    public static EventRecord CloseStreams(IReadOnlyList<long> entityIds, DateTimeOffset now) => new()
    {
        Name = StreamsClosed, Data = "", Recipients = entityIds, CreatedAt = now,
    };

    public static long? TokenIdOf(EventRecord e) =>
        e.Name == TokenRevoked && long.TryParse(e.Data, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
