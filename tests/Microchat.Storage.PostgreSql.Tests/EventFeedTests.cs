using System.Collections.Concurrent;
using Microchat.Storage.PostgreSql.Stores;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace Microchat.Storage.PostgreSql.Tests;

/// <summary>The feed announces every committed event once, in id order, and survives losing its LISTEN connection.</summary>
public sealed class EventFeedTests
{
    private static EventRecord Event(int n) => new()
    {
        Name = "e", Data = $$"""{"n":{{n}}}""", Recipients = [1], CreatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public async Task EventsCommittedElsewhere_AreAnnouncedInOrder_EvenAfterTheListenConnectionIsKilled()
    {
        var application = "feed-" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = new NpgsqlConnectionStringBuilder(TestDatabase.FreshSchema()) { ApplicationName = application }.ConnectionString;
        await using var writerSide = new PgDatabase(connectionString);
        await using var readerSide = new PgDatabase(connectionString);
        await writerSide.EnsureSchemaAsync();
        var log = new PgEventStore(writerSide);
        await using var feed = new PgEventFeed(readerSide, NullLogger<PgEventFeed>.Instance);
        var seen = new ConcurrentQueue<long>();
        feed.Subscribe(batch =>
        {
            foreach (var e in batch) seen.Enqueue(e.Id);
        });

        var first = await log.AppendAsync([Event(1), Event(2)], CancellationToken.None);
        await WaitForAsync(() => seen.Count == 2);

        await using (var admin = new NpgsqlConnection(TestDatabase.Required))
        {
            await admin.OpenAsync();
            Assert.Equal(1, await admin.ScalarAsync(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @app AND query LIKE 'LISTEN%'",
                CancellationToken.None, ("app", application)));
        }
        var second = await log.AppendAsync([Event(3)], CancellationToken.None);
        var third = await log.AppendAsync([Event(4)], CancellationToken.None);
        await WaitForAsync(() => seen.Count == 4);

        Assert.Equal(first.Concat(second).Concat(third).Select(e => e.Id), seen);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition()) await Task.Delay(20, timeout.Token);
    }
}
