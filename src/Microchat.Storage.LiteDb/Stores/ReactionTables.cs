using LiteDB;
using Microchat.Storage.LiteDb.Documents;

namespace Microchat.Storage.LiteDb.Stores;

/// <summary>
/// The <c>reactions</c> and <c>reaction_counts</c> collections, for the stores that change them inside their own
/// write: the reaction store, and the message store, whose deletions take a message's reactions in the same commit.
/// </summary>
internal static class ReactionTables
{
    public const string Reactions = "reactions";
    public const string Counts = "reaction_counts";

    // By name: a lambda over a byte[] reads as a multikey (array) index, which cannot be unique.
    public static void EnsureSchema(LiteDatabase db) => ReactionsOf(db).EnsureIndex(nameof(ReactionDocument.Mine), "$.Mine", unique: true);

    public static ILiteCollection<ReactionDocument> ReactionsOf(LiteDatabase db) => db.GetCollection<ReactionDocument>(Reactions);

    public static ILiteCollection<ReactionCountsDocument> CountsOf(LiteDatabase db) => db.GetCollection<ReactionCountsDocument>(Counts);

    /// <summary>Every reaction of one message, with its counts, as of now.</summary>
    public static ReactionState State(LiteDatabase db, long messageKey)
    {
        var counts = CountsOf(db).FindById(messageKey);
        if (counts is null || counts.Emojis.Count == 0) return ReactionState.Empty;
        var byReactor = ReactionsOf(db).Find(BinaryExpressions.KeyBetween(BinaryKeys.PrefixRange(BinaryKeys.Message(messageKey))))
            .GroupBy(r => r.ReactorId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.Emoji).ToList());
        return new ReactionState(Present(counts), byReactor);
    }

    public static IReadOnlyList<ReactionCount> Present(ReactionCountsDocument counts) =>
        counts.Emojis.Select(e => new ReactionCount(e.Emoji, e.Count)).ToList();

    /// <summary>Removes one message's reactions; call inside the write that deletes the message.</summary>
    public static void DeleteMessage(LiteDatabase db, long messageKey)
    {
        ReactionsOf(db).DeleteMany(BinaryExpressions.KeyBetween(BinaryKeys.PrefixRange(BinaryKeys.Message(messageKey))));
        CountsOf(db).Delete(messageKey);
    }

    /// <summary>Removes every reaction of one chat; call inside the write that deletes the chat.</summary>
    public static void DeleteChat(LiteDatabase db, long chatNumber)
    {
        var (first, last) = MessageKeys.MessageRange(chatNumber);
        ReactionsOf(db).DeleteMany(BinaryExpressions.KeyBetween(BinaryKeys.MessagesRange(first, last)));
        CountsOf(db).DeleteMany(QueryExpressions.KeyBetween(first, last));
    }
}
