using System.Collections.Concurrent;
using System.Globalization;
using Microchat.Contracts;
using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>
/// What every provider's <see cref="IUnitOfWork"/> and <see cref="IEventFeed"/> must do: a unit's
/// state, events and idempotency record commit together or not at all; committed events are
/// announced once, in id order; units sharing a lock key never overlap.
/// </summary>
public abstract partial class StoreConformance
{
    private IUnitOfWork UnitOfWorkUnits => Store<IUnitOfWork>();

    private IEntityStore UnitOfWorkEntities => Store<IEntityStore>();

    private IEventStore UnitOfWorkLog => Store<IEventStore>();

    private IIdempotencyStore UnitOfWorkResponses => Store<IIdempotencyStore>();

    private static EntityRecord UnitOfWorkUser(string alias, string name = "N") =>
        new() { Alias = alias, Type = EntityType.User, CreatedAt = At(1), Name = name, PasswordHash = "hash" };

    private static EventRecord UnitOfWorkEvent(string name, params long[] recipients) =>
        new() { Name = name, Data = "{}", Recipients = recipients, CreatedAt = At(2) };

    private static IdempotencyRecord UnitOfWorkResponse(string key) =>
        new() { Key = key, StatusCode = 201, Body = [1, 2, 3], CreatedAt = At(3) };

    [Fact]
    public async Task UnitOfWork_AUnitThatThrows_LeavesNoTrace_OfItsState_ItsEvents_OrItsIdempotencyRecord()
    {
        var (_, lastBefore) = await UnitOfWorkLog.GetBoundsAsync(Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await UnitOfWorkUnits.RunAsync<bool>(["entity:1"], async ct =>
        {
            await UnitOfWorkEntities.TryCreateAsync(UnitOfWorkUser("ghost"), ct);
            await UnitOfWorkLog.AppendAsync([UnitOfWorkEvent("e", 1)], ct);
            await UnitOfWorkResponses.SaveAsync(UnitOfWorkResponse("k1"), ct);
            throw new InvalidOperationException("refused after writing");
        }, Ct));

        Assert.Null(await UnitOfWorkEntities.FindByAliasAsync("ghost", Ct));
        Assert.Empty(await UnitOfWorkLog.ReadAsync(1, lastBefore, 10, Ct));
        Assert.Null(await UnitOfWorkResponses.FindAsync("k1", Ct));
    }

    [Fact]
    public async Task UnitOfWork_AUnitThatSucceeds_CommitsStateEventsAndIdempotencyRecordTogether_AndAnnouncesTheEventsOnce()
    {
        var announced = new ConcurrentQueue<EventRecord>();
        Store<IEventFeed>().Subscribe(events => { foreach (var e in events) announced.Enqueue(e); });
        var (_, lastBefore) = await UnitOfWorkLog.GetBoundsAsync(Ct);

        var created = await UnitOfWorkUnits.RunAsync(["entity:1"], async ct =>
        {
            var user = await UnitOfWorkEntities.TryCreateAsync(UnitOfWorkUser("alice"), ct);
            await UnitOfWorkLog.AppendAsync([UnitOfWorkEvent("first", 7), UnitOfWorkEvent("second", 7)], ct);
            await UnitOfWorkResponses.SaveAsync(UnitOfWorkResponse("k2"), ct);
            return user!;
        }, Ct);

        Assert.Equal("alice", (await UnitOfWorkEntities.FindAsync(created.Id, Ct))?.Alias);
        Assert.NotNull(await UnitOfWorkResponses.FindAsync("k2", Ct));
        var logged = await UnitOfWorkLog.ReadAsync(7, lastBefore, 10, Ct);
        Assert.Equal(["first", "second"], logged.Select(e => e.Name));
        await UnitOfWorkWaitUntilAsync(() => announced.Count >= 2);
        Assert.Equal(logged.Select(e => e.Id), announced.Select(e => e.Id));
    }

    [Fact]
    public async Task UnitOfWork_AUnitStartedInsideAnother_JoinsIt_AndGoesWithItWhenTheOuterThrows()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await UnitOfWorkUnits.RunAsync<bool>([], async ct =>
        {
            await UnitOfWorkUnits.RunAsync(["entity:2"], async inner => await UnitOfWorkEntities.TryCreateAsync(UnitOfWorkUser("inner"), inner), ct);
            throw new InvalidOperationException("the outer unit fails");
        }, Ct));

        Assert.Null(await UnitOfWorkEntities.FindByAliasAsync("inner", Ct));
    }

    [Fact]
    public async Task UnitOfWork_UnitsSharingALockKey_NeverOverlap_SoReadChangeWriteLosesNoUpdate()
    {
        var counter = await UnitOfWorkEntities.TryCreateAsync(UnitOfWorkUser("counter", "0"), Ct);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () => await UnitOfWorkUnits.RunAsync([$"entity:{counter!.Id}"], async ct =>
        {
            var current = await UnitOfWorkEntities.FindAsync(counter.Id, ct);
            var next = int.Parse(current!.Name!, CultureInfo.InvariantCulture) + 1;
            return await UnitOfWorkEntities.UpdateAsync(current with { Name = next.ToString(CultureInfo.InvariantCulture) }, ct);
        }, Ct))));

        Assert.Equal("20", (await UnitOfWorkEntities.FindAsync(counter!.Id, Ct))?.Name);
    }

    [Fact]
    public async Task UnitOfWork_AFailedUnit_DoesNotTakeDownTheUnitsCommittedBesideIt()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            try
            {
                await UnitOfWorkUnits.RunAsync([], async ct =>
                {
                    await UnitOfWorkEntities.TryCreateAsync(UnitOfWorkUser($"user{i}"), ct);
                    if (i % 3 == 0) throw new InvalidOperationException("refused");
                    return true;
                }, Ct);
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        })));

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(i % 3 != 0, results[i]);
            Assert.Equal(i % 3 != 0, await UnitOfWorkEntities.FindByAliasAsync($"user{i}", Ct) is not null);
        }
    }

    [Fact]
    public async Task UnitOfWork_AnEphemeralEvent_IsAnnouncedWithIdZero_AndNeverStored()
    {
        var announced = new ConcurrentQueue<EventRecord>();
        Store<IEventFeed>().Subscribe(events => { foreach (var e in events) announced.Enqueue(e); });
        var (_, lastBefore) = await UnitOfWorkLog.GetBoundsAsync(Ct);

        Store<IEventFeed>().PublishEphemeral(UnitOfWorkEvent("typing", 5));

        await UnitOfWorkWaitUntilAsync(() => !announced.IsEmpty);
        var e = Assert.Single(announced);
        Assert.Equal(0, e.Id);
        Assert.Equal("typing", e.Name);
        Assert.Equal(lastBefore, (await UnitOfWorkLog.GetBoundsAsync(Ct)).LastId);
    }

    private static async Task UnitOfWorkWaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(10);
    }
}
