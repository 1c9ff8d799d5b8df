using Xunit;

namespace Microchat.Storage.Conformance;

/// <summary>What every <see cref="IEventStore"/> must do.</summary>
public abstract class EventStoreConformance : StoreConformance
{
    private IEventStore Log => Store<IEventStore>();

    private static EventRecord Event(string name, DateTimeOffset at, params long[] recipients) => new()
    {
        Name = name, Data = $$"""{"name":"{{name}}"}""", Recipients = recipients, CreatedAt = at,
    };

    private Task<IReadOnlyList<EventRecord>> AppendAsync(params EventRecord[] events) => Log.AppendAsync(events, Ct).AsTask();

    [Fact]
    public async Task Append_NumbersEventsInOrder_AndKeepsEverything()
    {
        var stored = await AppendAsync(Event("a", At(1), 1, 2), Event("b", At(2), 2));

        Assert.Equal(2, stored.Count);
        Assert.True(stored[0].Id > 0);
        Assert.True(stored[1].Id > stored[0].Id);
        var read = Assert.Single(await Log.ReadAsync(1, 0, 10, Ct));
        Assert.Equal(stored[0].Id, read.Id);
        Assert.Equal("a", read.Name);
        Assert.Equal("""{"name":"a"}""", read.Data);
        Assert.Equal([1L, 2L], read.Recipients.Order());
        Assert.Equal(At(1), read.CreatedAt);
    }

    [Fact]
    public async Task Read_GivesOneRecipientsEventsAfterAnId_InOrder_UpToMax()
    {
        var stored = new List<EventRecord>();
        for (var i = 0; i < 10; i++) stored.AddRange(await AppendAsync(Event($"e{i}", At(i), i % 2 == 0 ? 7 : 8, 9)));
        var mine = stored.Where(e => e.Recipients.Contains(7)).Select(e => e.Id).ToList();

        Assert.Equal(mine, (await Log.ReadAsync(7, 0, 100, Ct)).Select(e => e.Id));
        Assert.Equal(mine.Skip(2).Take(2), (await Log.ReadAsync(7, mine[1], 2, Ct)).Select(e => e.Id));
        Assert.Equal(mine.Skip(3), (await Log.ReadAsync(7, mine[2] + 1, 100, Ct)).Select(e => e.Id));
        Assert.Empty(await Log.ReadAsync(7, mine[^1], 100, Ct));
        Assert.Equal(10, (await Log.ReadAsync(9, 0, 100, Ct)).Count);
        Assert.Empty(await Log.ReadAsync(10, 0, 100, Ct));
    }

    [Fact]
    public async Task Read_ListsARecipientOnce_WhenNamedTwice()
    {
        await AppendAsync(Event("a", At(1), 3, 3, 4));

        Assert.Single(await Log.ReadAsync(3, 0, 10, Ct));
    }

    [Fact]
    public async Task Bounds_AreZero_WhenNothingWasEverLogged()
    {
        Assert.Equal((0L, 0L), await Log.GetBoundsAsync(Ct));
    }

    [Fact]
    public async Task Bounds_AreTheOldestRetainedId_AndTheLastIdIssued()
    {
        var stored = await AppendAsync(Event("a", At(1), 1), Event("b", At(2), 2), Event("c", At(3), 1));

        Assert.Equal((stored[0].Id, stored[2].Id), await Log.GetBoundsAsync(Ct));

        await Log.PruneAsync(At(2), Ct);
        Assert.Equal((stored[1].Id, stored[2].Id), await Log.GetBoundsAsync(Ct));
    }

    [Fact]
    public async Task Prune_RemovesOnlyOlderEvents_ForEveryRecipient()
    {
        var stored = await AppendAsync(Event("old", At(1), 1, 2), Event("edge", At(5), 1, 2), Event("new", At(9), 2));

        await Log.PruneAsync(At(5), Ct);

        Assert.Equal([stored[1].Id], (await Log.ReadAsync(1, 0, 10, Ct)).Select(e => e.Id));
        Assert.Equal([stored[1].Id, stored[2].Id], (await Log.ReadAsync(2, 0, 10, Ct)).Select(e => e.Id));
    }

    [Fact]
    public async Task Ids_NeverRepeat_EvenAfterEverythingWasPruned()
    {
        var first = await AppendAsync(Event("a", At(1), 1), Event("b", At(2), 1));
        await Log.PruneAsync(At(10), Ct);

        Assert.Equal((0L, first[1].Id), await Log.GetBoundsAsync(Ct));
        Assert.Empty(await Log.ReadAsync(1, 0, 10, Ct));

        var next = Assert.Single(await AppendAsync(Event("c", At(11), 1)));
        Assert.True(next.Id > first[1].Id);
        Assert.Equal((next.Id, next.Id), await Log.GetBoundsAsync(Ct));
        Assert.Equal([next.Id], (await Log.ReadAsync(1, 0, 10, Ct)).Select(e => e.Id));
    }

    [Fact]
    public async Task Prune_RemovesALargeBacklog_Entirely()
    {
        var backlog = Enumerable.Range(0, 2_500).Select(i => Event($"e{i}", At(1), i % 3, 100)).ToArray();
        await AppendAsync(backlog);
        var kept = Assert.Single(await AppendAsync(Event("kept", At(30), 100)));

        await Log.PruneAsync(At(2), Ct);

        Assert.Equal([kept.Id], (await Log.ReadAsync(100, 0, 10_000, Ct)).Select(e => e.Id));
        Assert.Empty(await Log.ReadAsync(1, 0, 10_000, Ct));
        Assert.Equal((kept.Id, kept.Id), await Log.GetBoundsAsync(Ct));
    }
}
