using System.Collections.Concurrent;
using System.Globalization;
using Microchat.Contracts;
using Xunit;

namespace Microchat.Storage.Conformance;

/// <summary>
/// What every provider's <see cref="IUnitOfWork"/> and <see cref="IEventFeed"/> must do: a unit's
/// state, events and idempotency record commit together or not at all; committed events are
/// announced once, in id order; units sharing a lock key never overlap.
/// </summary>
public abstract class UnitOfWorkConformance : StoreConformance
{
    private IUnitOfWork Units => Store<IUnitOfWork>();

    private IEntityStore Entities => Store<IEntityStore>();

    private IEventStore Log => Store<IEventStore>();

    private IIdempotencyStore Responses => Store<IIdempotencyStore>();

    private static EntityRecord User(string alias, string name = "N") =>
        new() { Alias = alias, Type = EntityType.User, CreatedAt = At(1), Name = name, PasswordHash = "hash" };

    private static EventRecord Event(string name, params long[] recipients) =>
        new() { Name = name, Data = "{}", Recipients = recipients, CreatedAt = At(2) };

    private static IdempotencyRecord Response(string key) =>
        new() { Key = key, StatusCode = 201, Body = [1, 2, 3], CreatedAt = At(3) };

    [Fact]
    public async Task AUnitThatThrows_LeavesNoTrace_OfItsState_ItsEvents_OrItsIdempotencyRecord()
    {
        var (_, lastBefore) = await Log.GetBoundsAsync(Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Units.RunAsync<bool>(["entity:1"], async ct =>
        {
            await Entities.TryCreateAsync(User("ghost"), ct);
            await Log.AppendAsync([Event("e", 1)], ct);
            await Responses.SaveAsync(Response("k1"), ct);
            throw new InvalidOperationException("refused after writing");
        }, Ct));

        Assert.Null(await Entities.FindByAliasAsync("ghost", Ct));
        Assert.Empty(await Log.ReadAsync(1, lastBefore, 10, Ct));
        Assert.Null(await Responses.FindAsync("k1", Ct));
    }

    [Fact]
    public async Task AUnitThatSucceeds_CommitsStateEventsAndIdempotencyRecordTogether_AndAnnouncesTheEventsOnce()
    {
        var announced = new ConcurrentQueue<EventRecord>();
        Store<IEventFeed>().Subscribe(events => { foreach (var e in events) announced.Enqueue(e); });
        var (_, lastBefore) = await Log.GetBoundsAsync(Ct);

        var created = await Units.RunAsync(["entity:1"], async ct =>
        {
            var user = await Entities.TryCreateAsync(User("alice"), ct);
            await Log.AppendAsync([Event("first", 7), Event("second", 7)], ct);
            await Responses.SaveAsync(Response("k2"), ct);
            return user!;
        }, Ct);

        Assert.Equal("alice", (await Entities.FindAsync(created.Id, Ct))?.Alias);
        Assert.NotNull(await Responses.FindAsync("k2", Ct));
        var logged = await Log.ReadAsync(7, lastBefore, 10, Ct);
        Assert.Equal(["first", "second"], logged.Select(e => e.Name));
        await WaitUntilAsync(() => announced.Count >= 2);
        Assert.Equal(logged.Select(e => e.Id), announced.Select(e => e.Id));
    }

    [Fact]
    public async Task AUnitStartedInsideAnother_JoinsIt_AndGoesWithItWhenTheOuterThrows()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Units.RunAsync<bool>([], async ct =>
        {
            await Units.RunAsync(["entity:2"], async inner => await Entities.TryCreateAsync(User("inner"), inner), ct);
            throw new InvalidOperationException("the outer unit fails");
        }, Ct));

        Assert.Null(await Entities.FindByAliasAsync("inner", Ct));
    }

    [Fact]
    public async Task UnitsSharingALockKey_NeverOverlap_SoReadChangeWriteLosesNoUpdate()
    {
        var counter = await Entities.TryCreateAsync(User("counter", "0"), Ct);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () => await Units.RunAsync([$"entity:{counter!.Id}"], async ct =>
        {
            var current = await Entities.FindAsync(counter.Id, ct);
            var next = int.Parse(current!.Name!, CultureInfo.InvariantCulture) + 1;
            return await Entities.UpdateAsync(current with { Name = next.ToString(CultureInfo.InvariantCulture) }, ct);
        }, Ct))));

        Assert.Equal("20", (await Entities.FindAsync(counter!.Id, Ct))?.Name);
    }

    [Fact]
    public async Task AFailedUnit_DoesNotTakeDownTheUnitsCommittedBesideIt()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            try
            {
                await Units.RunAsync([], async ct =>
                {
                    await Entities.TryCreateAsync(User($"user{i}"), ct);
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
            Assert.Equal(i % 3 != 0, await Entities.FindByAliasAsync($"user{i}", Ct) is not null);
        }
    }

    [Fact]
    public async Task AnEphemeralEvent_IsAnnouncedWithIdZero_AndNeverStored()
    {
        var announced = new ConcurrentQueue<EventRecord>();
        Store<IEventFeed>().Subscribe(events => { foreach (var e in events) announced.Enqueue(e); });
        var (_, lastBefore) = await Log.GetBoundsAsync(Ct);

        Store<IEventFeed>().PublishEphemeral(Event("typing", 5));

        await WaitUntilAsync(() => !announced.IsEmpty);
        var e = Assert.Single(announced);
        Assert.Equal(0, e.Id);
        Assert.Equal("typing", e.Name);
        Assert.Equal(lastBefore, (await Log.GetBoundsAsync(Ct)).LastId);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(10);
    }
}
