using LiteDB;
using Microchat.Storage.LiteDb.Documents;
using Microchat.Storage.LiteDb.Stores;
using Xunit;

namespace Microchat.Storage.LiteDb.Tests;

/// <summary>History paging reads an index range in index order: never the whole chat, never a sort.</summary>
public sealed class MessagePagingPlanTests
{
    [Fact]
    public void APageBeforeAMessage_IsAPrimaryKeyRange_ReadInIndexOrder()
    {
        using var db = new LiteDatabase(new MemoryStream(), LiteDbMapper.Create());
        var low = MessageKeys.Message(7, 1);
        var high = MessageKeys.Message(7, 500);

        var messages = db.GetCollection<MessageDocument>("messages");
        messages.Insert(new MessageDocument { Id = MessageKeys.Message(7, 1), Text = "first" });
        var plan = messages.Query()
            .Where(LiteDbMessageStore.Range(low, high))
            .OrderByDescending(m => m.Id)
            .Limit(20)
            .GetPlan();

        Assert.StartsWith("INDEX RANGE SCAN(_id BETWEEN", plan["index"]["mode"].AsString);
        Assert.Equal(-1, plan["index"]["order"].AsInt32);
        Assert.False(plan.ContainsKey("orderBy"), $"the page must come in index order, not be sorted: {plan}");
        Assert.False(plan.ContainsKey("filters"), $"no document outside the range may be read: {plan}");
    }

    [Fact]
    public void VaryingValues_AreParameters_SoLiteDbCompilesOneExpression()
    {
        // LiteDB compiles and caches each distinct expression text: values in the text would make
        // every page of a long chat a fresh compile, and grow that cache without end.
        Assert.Equal(LiteDbMessageStore.Range(1, 2).Source, LiteDbMessageStore.Range(MessageKeys.Message(9, 5), MessageKeys.Message(9, 70)).Source);
        Assert.Equal(QueryExpressions.KeyIn([1, 2]).Source, QueryExpressions.KeyIn(["a"]).Source);
        Assert.Equal(QueryExpressions.FieldIn("EntityId", [1]).Source, QueryExpressions.FieldIn("EntityId", [2, 3]).Source);
        Assert.Equal(QueryExpressions.KeyBetweenAndNot(1, 2, "SenderId", 3).Source, QueryExpressions.KeyBetweenAndNot(4, 5, "SenderId", 6).Source);
    }

    [Fact]
    public void CountingOthersMessages_AndFindingByKeysOrValues_UseTheirIndexes()
    {
        using var db = new LiteDatabase(new MemoryStream(), LiteDbMapper.Create());
        var messages = db.GetCollection<MessageDocument>("messages");
        for (var i = 1; i <= 9; i++) messages.Insert(new MessageDocument { Id = MessageKeys.Message(7, i), SenderId = i % 3 });

        var count = messages.Query().Where(QueryExpressions.KeyBetweenAndNot(MessageKeys.Message(7, 2), MessageKeys.Message(7, 8), nameof(MessageDocument.SenderId), 1));
        var byKeys = messages.Query().Where(QueryExpressions.KeyIn([MessageKeys.Message(7, 3), MessageKeys.Message(7, 4), 12345]));

        Assert.StartsWith("INDEX RANGE SCAN(_id BETWEEN", count.GetPlan()["index"]["mode"].AsString);
        Assert.Equal(5, count.Count());
        Assert.StartsWith("INDEX SEEK(_id IN", byKeys.GetPlan()["index"]["mode"].AsString);
        Assert.Equal([3L, 4L], byKeys.ToList().Select(m => MessageKeys.IdOf(m.Id)).Order());
        messages.EnsureIndex(m => m.SenderId);
        var bySender = messages.Query().Where(QueryExpressions.FieldIn(nameof(MessageDocument.SenderId), [0, 2]));
        Assert.StartsWith("INDEX SEEK(SenderId IN", bySender.GetPlan()["index"]["mode"].AsString);
        Assert.Equal(6, bySender.Count());
    }
}
