using LiteDB;
using Microchat.Storage.LiteDb.Documents;
using Microchat.Storage.LiteDb.Stores;
using Xunit;

namespace Microchat.Storage.LiteDb.Tests;

/// <summary>A stream's read of the log is one recipient's index range in order: never everyone's events, never a sort.</summary>
public sealed class EventReadPlanTests
{
    [Fact]
    public void ARecipientsEventsAfterAnId_AreAPrimaryKeyRange_ReadInIndexOrder()
    {
        using var db = new LiteDatabase(new MemoryStream(), LiteDbMapper.Create());
        var inbox = LiteDbEventStore.InboxOf(db);
        inbox.Insert(new EventInboxDocument { Id = EventInboxDocument.KeyOf(7, 1) });
        var (first, last) = EventInboxDocument.After(7, 0);

        var plan = inbox.Query().Where(LiteDbEventStore.Range(first, last)).OrderBy(i => i.Id).Limit(100).GetPlan();

        Assert.StartsWith("INDEX RANGE SCAN(_id BETWEEN", plan["index"]["mode"].AsString);
        Assert.False(plan.ContainsKey("orderBy"), $"the events must come in index order, not be sorted: {plan}");
        Assert.False(plan.ContainsKey("filters"), $"no other recipient's entry may be read: {plan}");
    }

    [Fact]
    public void Keys_KeepRecipientsApart_AndEventIdsInOrder_AsLiteDbComparesThem()
    {
        static int Compare(byte[] a, byte[] b) => new BsonValue(a).CompareTo(new BsonValue(b));

        Assert.True(Compare(EventInboxDocument.KeyOf(7, long.MaxValue), EventInboxDocument.KeyOf(8, 1)) < 0);
        Assert.True(Compare(EventInboxDocument.KeyOf(7, 255), EventInboxDocument.KeyOf(7, 256)) < 0);
        Assert.True(Compare(EventInboxDocument.KeyOf(255, 1), EventInboxDocument.KeyOf(256, 1)) < 0);
        Assert.Equal(long.MaxValue, EventInboxDocument.EventIdOf(EventInboxDocument.KeyOf(123_456_789, long.MaxValue)));
    }
}
