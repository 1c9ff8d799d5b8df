using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>What every <see cref="IEventStore"/> must do.</summary>
public abstract partial class StoreConformance
{
    private IEventStore EventLog => Store<IEventStore>();

    private static EventRecord EventEvent(string name, DateTimeOffset at, params long[] recipients) => new()
    {
        Name = name, Data = $$"""{"name":"{{name}}"}""", Recipients = recipients, CreatedAt = at,
    };

    private Task<IReadOnlyList<EventRecord>> EventAppendAsync(params EventRecord[] events) => EventLog.AppendAsync(events, Ct).AsTask();

    [Fact]
    public async Task EventStore_Append_NumbersEventsInOrder_AndKeepsEverything()
    {
        var stored = await EventAppendAsync(EventEvent("a", At(1), 1, 2), EventEvent("b", At(2), 2));

        Assert.Equal(2, stored.Count);
        Assert.True(stored[0].Id > 0);
        Assert.True(stored[1].Id > stored[0].Id);
        var read = Assert.Single(await EventLog.ReadAsync(1, 0, 10, Ct));
        Assert.Equal(stored[0].Id, read.Id);
        Assert.Equal("a", read.Name);
        Assert.Equal("""{"name":"a"}""", read.Data);
        Assert.Equal([1L, 2L], read.Recipients.Order());
        Assert.Equal(At(1), read.CreatedAt);
    }

    [Fact]
    public async Task EventStore_Read_GivesOneRecipientsEventsAfterAnId_InOrder_UpToMax()
    {
        var stored = new List<EventRecord>();
        for (var i = 0; i < 10; i++) stored.AddRange(await EventAppendAsync(EventEvent($"e{i}", At(i), i % 2 == 0 ? 7 : 8, 9)));
        var mine = stored.Where(e => e.Recipients.Contains(7)).Select(e => e.Id).ToList();

        Assert.Equal(mine, (await EventLog.ReadAsync(7, 0, 100, Ct)).Select(e => e.Id));
        Assert.Equal(mine.Skip(2).Take(2), (await EventLog.ReadAsync(7, mine[1], 2, Ct)).Select(e => e.Id));
        Assert.Equal(mine.Skip(3), (await EventLog.ReadAsync(7, mine[2] + 1, 100, Ct)).Select(e => e.Id));
        Assert.Empty(await EventLog.ReadAsync(7, mine[^1], 100, Ct));
        Assert.Equal(10, (await EventLog.ReadAsync(9, 0, 100, Ct)).Count);
        Assert.Empty(await EventLog.ReadAsync(10, 0, 100, Ct));
    }

    [Fact]
    public async Task EventStore_Read_ListsARecipientOnce_WhenNamedTwice()
    {
        await EventAppendAsync(EventEvent("a", At(1), 3, 3, 4));

        Assert.Single(await EventLog.ReadAsync(3, 0, 10, Ct));
    }

    [Fact]
    public async Task EventStore_Bounds_AreZero_WhenNothingWasEverLogged()
    {
        Assert.Equal((0L, 0L), await EventLog.GetBoundsAsync(Ct));
    }

    [Fact]
    public async Task EventStore_Bounds_AreTheOldestRetainedId_AndTheLastIdIssued()
    {
        var stored = await EventAppendAsync(EventEvent("a", At(1), 1), EventEvent("b", At(2), 2), EventEvent("c", At(3), 1));

        Assert.Equal((stored[0].Id, stored[2].Id), await EventLog.GetBoundsAsync(Ct));

        await EventLog.PruneAsync(At(2), Ct);
        Assert.Equal((stored[1].Id, stored[2].Id), await EventLog.GetBoundsAsync(Ct));
    }

    [Fact]
    public async Task EventStore_Prune_RemovesOnlyOlderEvents_ForEveryRecipient()
    {
        var stored = await EventAppendAsync(EventEvent("old", At(1), 1, 2), EventEvent("edge", At(5), 1, 2), EventEvent("new", At(9), 2));

        await EventLog.PruneAsync(At(5), Ct);

        Assert.Equal([stored[1].Id], (await EventLog.ReadAsync(1, 0, 10, Ct)).Select(e => e.Id));
        Assert.Equal([stored[1].Id, stored[2].Id], (await EventLog.ReadAsync(2, 0, 10, Ct)).Select(e => e.Id));
    }

    [Fact]
    public async Task EventStore_Ids_NeverRepeat_EvenAfterEverythingWasPruned()
    {
        var first = await EventAppendAsync(EventEvent("a", At(1), 1), EventEvent("b", At(2), 1));
        await EventLog.PruneAsync(At(10), Ct);

        Assert.Equal((0L, first[1].Id), await EventLog.GetBoundsAsync(Ct));
        Assert.Empty(await EventLog.ReadAsync(1, 0, 10, Ct));

        var next = Assert.Single(await EventAppendAsync(EventEvent("c", At(11), 1)));
        Assert.True(next.Id > first[1].Id);
        Assert.Equal((next.Id, next.Id), await EventLog.GetBoundsAsync(Ct));
        Assert.Equal([next.Id], (await EventLog.ReadAsync(1, 0, 10, Ct)).Select(e => e.Id));
    }

    [Fact]
    public async Task EventStore_Prune_RemovesALargeBacklog_Entirely()
    {
        var backlog = Enumerable.Range(0, 2_500).Select(i => EventEvent($"e{i}", At(1), i % 3, 100)).ToArray();
        await EventAppendAsync(backlog);
        var kept = Assert.Single(await EventAppendAsync(EventEvent("kept", At(30), 100)));

        await EventLog.PruneAsync(At(2), Ct);

        Assert.Equal([kept.Id], (await EventLog.ReadAsync(100, 0, 10_000, Ct)).Select(e => e.Id));
        Assert.Empty(await EventLog.ReadAsync(1, 0, 10_000, Ct));
        Assert.Equal((kept.Id, kept.Id), await EventLog.GetBoundsAsync(Ct));
    }
}
