using System.Buffers.Binary;

namespace Microchat.Storage.LiteDb.Documents;

/// <summary>
/// One recipient's entry for one event. Its key is (recipient, event id) as 16 big-endian bytes,
/// which LiteDB orders byte by byte, so "a recipient's events after id N" is a range of the
/// primary index: found in O(log n) and read in order, however many events others have.
/// (A numeric key cannot hold both ids, and LiteDB would treat it as its own auto-id sequence.)
/// </summary>
internal sealed class EventInboxDocument
{
    public byte[] Id { get; set; } = [];

    public static byte[] KeyOf(long recipientId, long eventId)
    {
        var key = new byte[16];
        BinaryPrimitives.WriteInt64BigEndian(key, recipientId);
        BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(8), eventId);
        return key;
    }

    public static long EventIdOf(byte[] key) => BinaryPrimitives.ReadInt64BigEndian(key.AsSpan(8));

    /// <summary>The keys of a recipient's events with ids above <paramref name="afterId"/> (ids are never negative).</summary>
    public static (byte[] First, byte[] Last) After(long recipientId, long afterId) =>
        (KeyOf(recipientId, afterId + 1), KeyOf(recipientId, long.MaxValue));
}
