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
}
