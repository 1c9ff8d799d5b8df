using LiteDB;
using Microchat.Storage.LiteDb.Documents;
using Microchat.Storage.LiteDb.Stores;
using Xunit;

namespace Microchat.Storage.LiteDb.Tests;

/// <summary>
/// A search reads the word index's keys of the matching words only: a primary-key range for a word prefix
/// in a chat, never a scan of the index or the chat; reactions and versions are ranges of their keys too.
/// </summary>
public sealed class SearchPlanTests
{
    [Fact]
    public void AWordPrefixInAChat_IsAPrimaryKeyRange_WithNoFilter()
    {
        using var db = new LiteDatabase(new MemoryStream(), LiteDbMapper.Create());
        var words = MessageWordIndex.WordsOf(db);
        words.Insert(new WordDocument { Id = BinaryKeys.Word(7, "hello", 1) });

        var plan = words.Query().Where(MessageWordIndex.Prefix(7, "hel")).GetPlan();

        Assert.StartsWith("INDEX RANGE SCAN(_id BETWEEN", plan["index"]["mode"].AsString);
        Assert.False(plan.ContainsKey("filters"), $"no key outside the range may be read: {plan}");
    }

    [Fact]
    public void PrefixRanges_HoldExactlyTheWordsStartingWithThePrefix_InThatChat()
    {
        using var db = new LiteDatabase(new MemoryStream(), LiteDbMapper.Create());
        var words = MessageWordIndex.WordsOf(db);
        var keys = new (long Chat, string Word, long Id)[]
        {
            (7, "a", 1), (7, "ab", 2), (7, "abc", 3), (7, "b", 4), (6, "ab", 5), (8, "ab", 6), (7, "é", 7), (7, "aé", 8), (7, "日本", 9),
        };
        foreach (var (chat, word, id) in keys) words.Insert(new WordDocument { Id = BinaryKeys.Word(chat, word, id) });

        long[] Ids(long chat, string prefix) =>
            words.Find(MessageWordIndex.Prefix(chat, prefix)).Select(w => BinaryKeys.MessageIdOfWord(w.Id)).Order().ToArray();

        Assert.Equal([1L, 2, 3, 8], Ids(7, "a"));
        Assert.Equal([2L, 3], Ids(7, "ab"));
        Assert.Equal([7L], Ids(7, "é"));
        Assert.Equal([9L], Ids(7, "日"));
        Assert.Equal([5L], Ids(6, "a"));
    }

    [Fact]
    public void TheReactorsOwnReactions_AreARangeOfTheirUniqueIndex()
    {
        using var db = new LiteDatabase(new MemoryStream(), LiteDbMapper.Create());
        ReactionTables.EnsureSchema(db);
        var (first, last) = BinaryKeys.MineRange(3, MessageKeys.Message(7, 1), MessageKeys.Message(7, 20));

        var plan = ReactionTables.ReactionsOf(db).Query()
            .Where(BinaryExpressions.FieldBetween(nameof(ReactionDocument.Mine), first, last))
            .GetPlan();

        Assert.StartsWith("INDEX RANGE SCAN(Mine BETWEEN", plan["index"]["mode"].AsString);
    }

    [Fact]
    public void VaryingValues_AreParameters_SoLiteDbCompilesOneExpression()
    {
        Assert.Equal(MessageWordIndex.Prefix(1, "a").Source, MessageWordIndex.Prefix(9, "zebra").Source);
        Assert.Equal(EntityWordIndex.Prefix("a").Source, EntityWordIndex.Prefix("bob").Source);
        Assert.Equal(BinaryExpressions.FieldEquals("Mine", [1]).Source, BinaryExpressions.FieldEquals("Mine", [2, 3]).Source);
    }
}
