using Microchat.Contracts;

namespace Microchat.Storage.LiteDb.Documents;

/// <summary>
/// Packs (chat number, id) into one Int64 primary key, so "the page before message N of chat C"
/// is a range of the primary index: O(log n) to find, however long the chat grows.
/// Chat numbers stay below 2^28 and per-chat ids below 2^32.
/// </summary>
internal static class MessageKeys
{
    private const int IdBits = 32;
    private const int KindBits = 3;

    public static long Message(long chatNumber, long id) => (chatNumber << IdBits) | id;

    public static long IdOf(long key) => key & uint.MaxValue;

    /// <summary>
    /// Whether an id can number a message or attachment. Anything else would spill into the chat
    /// number's bits and name another chat's key, so lookups treat it as "no such id".
    /// </summary>
    public static bool IsId(long id) => id is >= 1 and <= uint.MaxValue;

    /// <summary>The first and last key a chat's messages can have.</summary>
    public static (long First, long Last) MessageRange(long chatNumber) => (Message(chatNumber, 0), Message(chatNumber, uint.MaxValue));

    /// <summary>Gallery items are grouped by kind inside the chat, so each gallery is its own range too.</summary>
    public static long Gallery(long chatNumber, GalleryKind kind, long id) =>
        (chatNumber << (IdBits + KindBits)) | ((long)kind << IdBits) | id;

    public static (long First, long Last) GalleryRange(long chatNumber, GalleryKind kind) =>
        (Gallery(chatNumber, kind, 0), Gallery(chatNumber, kind, uint.MaxValue));

    /// <summary>Every gallery key of a chat, all kinds.</summary>
    public static (long First, long Last) AllGalleriesRange(long chatNumber) =>
        (Gallery(chatNumber, 0, 0), Gallery(chatNumber, (GalleryKind)((1 << KindBits) - 1), uint.MaxValue));
}
