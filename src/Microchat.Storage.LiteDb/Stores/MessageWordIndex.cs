using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>
/// The word index of messages' texts (<c>message_words</c>): one key per distinct word of a message,
/// "chat, word, message", written by the message store inside the same write as the message itself.
/// A search for a word prefix in a chat is one range of the primary index, however long the chat.
/// </summary>
internal static class MessageWordIndex
{
    public const string Words = "message_words";

    public static ILiteCollection<WordDocument> WordsOf(LiteDatabase db) => db.GetCollection<WordDocument>(Words);

    public static void Add(LiteDatabase db, long chatNumber, MessageDocument message)
    {
        var id = MessageKeys.IdOf(message.Id);
        var words = SearchWords.Of(message.Text);
        if (words.Count == 0) return;
        // A new or rewritten message has none of its keys yet (Remove ran first on an edit): insert, no lookup per word.
        WordsOf(db).Insert(words.Select(w => new WordDocument { Id = BinaryKeys.Word(chatNumber, w, id), SentAt = message.SentAt }));
    }

    public static void Remove(LiteDatabase db, long chatNumber, MessageDocument message)
    {
        var id = MessageKeys.IdOf(message.Id);
        var words = WordsOf(db);
        foreach (var word in SearchWords.Of(message.Text)) words.Delete(BinaryKeys.Word(chatNumber, word, id));
    }

    public static void DeleteChat(LiteDatabase db, long chatNumber) =>
        WordsOf(db).DeleteMany(BinaryExpressions.KeyBetween(BinaryKeys.ChatWords(chatNumber)));

    /// <summary>The index range of one word prefix in one chat (the query its plan test checks).</summary>
    public static BsonExpression Prefix(long chatNumber, string prefix) =>
        BinaryExpressions.KeyBetween(BinaryKeys.WordPrefixRange(chatNumber, prefix));

    /// <summary>
    /// The messages of one chat having a word starting with each of <paramref name="words"/>, below <paramref name="before"/>:
    /// the longest prefix first (usually the fewest keys), each further one only narrowing the set.
    /// </summary>
    public static Dictionary<long, DateTimeOffset> Search(LiteDatabase db, long chatNumber, IReadOnlyList<string> words, long? before)
    {
        Dictionary<long, DateTimeOffset>? found = null;
        foreach (var word in words.OrderByDescending(w => w.Length))
        {
            var matches = new Dictionary<long, DateTimeOffset>();
            foreach (var entry in WordsOf(db).Find(Prefix(chatNumber, word)))
            {
                var id = BinaryKeys.MessageIdOfWord(entry.Id);
                if (before is { } limit && id >= limit) continue;
                if (found is null || found.ContainsKey(id)) matches[id] = entry.SentAt;
            }
            found = matches;
            if (found.Count == 0) break;
        }
        return found ?? [];
    }

    /// <summary>Indexes every message of a database made before the index existed; runs once, when the index is missing.</summary>
    public static void Backfill(LiteDatabase db)
    {
        if (db.CollectionExists(Words)) return;
        var chats = db.GetCollection<ChatDocument>("chats").FindAll().ToList();
        var messages = db.GetCollection<MessageDocument>("messages");
        foreach (var chat in chats)
        {
            var (first, last) = MessageKeys.MessageRange(chat.Number);
            foreach (var message in messages.Find(QueryExpressions.KeyBetween(first, last))) Add(db, chat.Number, message);
        }
        // Even with nothing to index: a collection first made inside a batch that rolls back breaks the file.
        LiteDbStorage.CreateCollection(db, Words);
    }
}
