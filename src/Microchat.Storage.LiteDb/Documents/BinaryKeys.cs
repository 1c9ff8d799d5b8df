using System.Buffers.Binary;
using System.Text;

namespace Microchat.Storage.LiteDb.Documents;

/// <summary>
/// Binary primary keys for the reaction, version and word collections. LiteDB compares binary values
/// byte by byte (strings it compares by the database's culture collation, which may treat an emoji's
/// variation selector as ignorable), so a key built from big-endian numbers and UTF-8 text sorts
/// exactly by its parts, and "every key starting with P" is the range [P, P + 0xFF]: UTF-8 never
/// holds a 0xFF byte. Text parts end with a 0x00 byte so "ab" never sorts inside "a"'s keys.
/// </summary>
internal static class BinaryKeys
{
    private const byte End = 0x00;
    private const byte Above = 0xFF;

    /// <summary>A message's key (<see cref="MessageKeys.Message"/>) as 8 bytes: the prefix of its reactions and versions.</summary>
    public static byte[] Message(long messageKey) => Build(w => w.Int64(messageKey));

    /// <summary>One reaction: the message, the emoji, then the order it came in.</summary>
    public static byte[] Reaction(long messageKey, string emoji, long sequence) =>
        Build(w => w.Int64(messageKey).Text(emoji).Int64(sequence));

    /// <summary>Every reaction with one emoji of one message.</summary>
    public static (byte[] First, byte[] Last) ReactionRange(long messageKey, string emoji) =>
        PrefixRange(Build(w => w.Int64(messageKey).Text(emoji)));

    /// <summary>A reactor's reaction to a message with an emoji: the unique lookup "did I react with it".</summary>
    public static byte[] Mine(long reactorId, long messageKey, string emoji) =>
        Build(w => w.Int64(reactorId).Int64(messageKey).Text(emoji));

    /// <summary>A reactor's reactions to the messages from <paramref name="firstKey"/> to <paramref name="lastKey"/>.</summary>
    public static (byte[] First, byte[] Last) MineRange(long reactorId, long firstKey, long lastKey) =>
        (Build(w => w.Int64(reactorId).Int64(firstKey)), Build(w => w.Int64(reactorId).Int64(lastKey).Byte(Above)));

    /// <summary>One version of a message, numbered in the order they were kept.</summary>
    public static byte[] Version(long messageKey, long sequence) => Build(w => w.Int64(messageKey).Int64(sequence));

    /// <summary>A word of a message's text: the chat, the word, then the message, so a word prefix within a chat is one range.</summary>
    public static byte[] Word(long chatNumber, string word, long messageId) =>
        Build(w => w.Int64(chatNumber).Text(word).Int64(messageId));

    /// <summary>Every word of one chat starting with <paramref name="prefix"/>.</summary>
    public static (byte[] First, byte[] Last) WordPrefixRange(long chatNumber, string prefix) =>
        (Build(w => w.Int64(chatNumber).Raw(prefix)), Build(w => w.Int64(chatNumber).Raw(prefix).Byte(Above)));

    /// <summary>Every word of one chat.</summary>
    public static (byte[] First, byte[] Last) ChatWords(long chatNumber) => PrefixRange(Build(w => w.Int64(chatNumber)));

    /// <summary>The message id a word key ends with.</summary>
    public static long MessageIdOfWord(byte[] key) => BinaryPrimitives.ReadInt64BigEndian(key.AsSpan(key.Length - 8));

    /// <summary>An entity's alias or title word, then the entity.</summary>
    public static byte[] EntityWord(string word, long entityId) => Build(w => w.Text(word).Int64(entityId));

    /// <summary>Every entity word starting with <paramref name="prefix"/>.</summary>
    public static (byte[] First, byte[] Last) EntityWordPrefixRange(string prefix) =>
        (Build(w => w.Raw(prefix)), Build(w => w.Raw(prefix).Byte(Above)));

    /// <summary>The entity id an entity word key ends with.</summary>
    public static long EntityIdOfWord(byte[] key) => MessageIdOfWord(key);

    /// <summary>Every key that starts with these bytes.</summary>
    public static (byte[] First, byte[] Last) PrefixRange(byte[] prefix) => (prefix, [.. prefix, Above]);

    /// <summary>Every key from the first message key's prefix to the last one's.</summary>
    public static (byte[] First, byte[] Last) MessagesRange(long firstKey, long lastKey) => (Message(firstKey), [.. Message(lastKey), Above]);

    private static byte[] Build(Func<Writer, Writer> write) => write(new Writer()).ToArray();

    private sealed class Writer
    {
        private readonly List<byte> _bytes = new(32);

        public Writer Int64(long value)
        {
            Span<byte> buffer = stackalloc byte[8];
            // Unsigned order is numeric order for the non-negative numbers keys hold.
            BinaryPrimitives.WriteInt64BigEndian(buffer, value);
            foreach (var b in buffer) _bytes.Add(b);
            return this;
        }

        public Writer Raw(string text)
        {
            _bytes.AddRange(Encoding.UTF8.GetBytes(text));
            return this;
        }

        public Writer Text(string text) => Raw(text).Byte(End);

        public Writer Byte(byte value)
        {
            _bytes.Add(value);
            return this;
        }

        public byte[] ToArray() => [.. _bytes];
    }
}
