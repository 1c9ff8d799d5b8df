using LiteDB;
using Microchat.Storage.LiteDb.Documents;
using Microchat.Storage.LiteDb.Stores;
using Xunit;

namespace Microchat.Storage.LiteDb.Tests;

/// <summary>A replay reads the log from the client's position on, in id order: a primary-key range, never a sort, never the whole log.</summary>
public sealed class EventReadPlanTests
{
    [Fact]
    public void EventsAfterAnId_AreAPrimaryKeyRange_ReadInIndexOrder()
    {
        using var db = new LiteDatabase(new MemoryStream(), LiteDbMapper.Create());
        var events = LiteDbEventStore.Events(db);
        events.Insert(new EventDocument { Id = 1, Name = "x", Data = "{}", Recipients = [7] });

        var plan = events.Query().Where(QueryExpressions.KeyBetween(1, long.MaxValue)).Limit(LiteDbEventStore.ScanLimit).GetPlan();

        Assert.StartsWith("INDEX RANGE SCAN(_id BETWEEN", plan["index"]["mode"].AsString);
        Assert.False(plan.ContainsKey("orderBy"), $"the events must come in index order, not be sorted: {plan}");
    }
}
