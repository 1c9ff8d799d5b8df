using Microchat.Client;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Microchat.Server.Tests.Events;

/// <summary>Last-Event-ID: every missed event once, in order; a reset when that is no longer possible.</summary>
public sealed class ResumeTests
{
    [Fact]
    public async Task Resuming_AfterADroppedConnection_ReplaysEveryMissedEvent_InOrder_WithoutDuplicates()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var start = await host.LastIdAsync();
        await host.PublishAsync(EventTestKit.Numbered(1, alice.Id), EventTestKit.Numbered(2, alice.Id), EventTestKit.Numbered(3, alice.Id));

        var first = await alice.Client.Events.ListenAsync(start).TakeAsync(2);
        for (var n = 4; n <= 8; n++) await host.PublishAsync(EventTestKit.Numbered(n, alice.Id));
        var rest = await alice.Client.Events.ListenAsync(first[^1].Id).TakeAsync(6);

        Assert.Equal([1L, 2L], first.Select(e => e.Number()));
        Assert.Equal([3L, 4L, 5L, 6L, 7L, 8L], rest.Select(e => e.Number()));
        var ids = first.Concat(rest).Select(e => long.Parse(e.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task LastEventId_InTheQuery_Resumes_AndTheHeaderWinsOverIt()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var start = await host.LastIdAsync();
        await host.PublishAsync(EventTestKit.Numbered(1, alice.Id));
        var afterFirst = await host.LastIdAsync();
        await host.PublishAsync(EventTestKit.Numbered(2, alice.Id));
        var http = host.CreateHttpClient();

        await using (var byQuery = await EventTestKit.OpenRawAsync(http, $"events?last_event_id={start}", alice.Client.Token))
        {
            Assert.Equal(start, (await byQuery.NextAsync()).EventId);
            Assert.Contains("\"event 1\"", (await byQuery.NextAsync()).Data);
        }

        await using var both = await EventTestKit.OpenRawAsync(http, $"events?last_event_id={start}", alice.Client.Token, lastEventId: afterFirst);
        Assert.Equal(afterFirst, (await both.NextAsync()).EventId);
        Assert.Contains("\"event 2\"", (await both.NextAsync()).Data);
    }

    [Fact]
    public async Task Resuming_FromAnIdNeverIssued_BeginsWithAReset_ThenGoesOnFromNow()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        await host.PublishAsync(EventTestKit.Numbered(1, alice.Id));
        var now = await host.LastIdAsync();

        await using var stream = alice.Client.Events.ListenAsync("999999").GetAsyncEnumerator();
        Assert.True(await stream.MoveNextAsync());
        var reset = Assert.IsType<ResetEvent>(stream.Current);
        await host.PublishAsync(EventTestKit.Numbered(2, alice.Id));
        Assert.True(await stream.MoveNextAsync());

        Assert.Equal(MicrochatEventKind.Reset, reset.Kind);
        Assert.Equal(now, reset.Id);
        Assert.Equal(2, stream.Current.Number());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999999")]
    public async Task AMalformedLastEventId_BeginsWithAReset_NotAnError(string lastEventId)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        await host.PublishAsync(EventTestKit.Numbered(1, alice.Id));

        await using var stream = await EventTestKit.OpenRawAsync(host.CreateHttpClient(), token: alice.Client.Token, lastEventId: lastEventId);
        var first = await stream.NextAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal(EventNames.Reset, first.EventType);
        Assert.Equal("{}", first.Data);
        Assert.Equal(await host.LastIdAsync(), first.EventId);
    }

    [Fact]
    public async Task Resuming_FromZero_ReplaysEverything_WhileNothingHasBeenPruned()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        await host.PublishAsync(EventTestKit.Numbered(1, alice.Id), EventTestKit.Numbered(2, alice.Id));

        var events = await alice.Client.Events.ListenAsync("0").TakeAsync(2);

        Assert.Equal([1L, 2L], events.Select(e => e.Number()));
    }

    [Fact]
    public async Task Resuming_FromAnIdOlderThanRetention_BeginsWithAReset()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var start = await host.LastIdAsync();
        await host.PublishAsync(EventTestKit.Numbered(1, alice.Id), EventTestKit.Numbered(2, alice.Id));
        var seen = (await alice.Client.Events.ListenAsync(start).TakeAsync(1))[0].Id;
        await host.Services.GetRequiredService<IEventStore>().PruneAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        await host.PublishAsync(EventTestKit.Numbered(3, alice.Id));

        var events = await alice.Client.Events.ListenAsync(seen).TakeAsync(1);

        Assert.IsType<ResetEvent>(events[0]);
    }

    [Fact]
    public async Task Resuming_AtTheLastIdIssued_LosesNothing_EvenWhenEverythingWasPruned()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        await host.PublishAsync(EventTestKit.Numbered(1, alice.Id));
        var last = await host.LastIdAsync();
        await host.Services.GetRequiredService<IEventStore>().PruneAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);

        await using var stream = alice.Client.Events.ListenAsync(last).GetAsyncEnumerator();
        var next = stream.MoveNextAsync().AsTask();
        await Task.Delay(200);
        await host.PublishAsync(EventTestKit.Numbered(2, alice.Id));

        Assert.True(await next);
        Assert.Equal(2, stream.Current.Number());
    }

    [Fact]
    public async Task Events_SurviveARestart_AndAStreamResumesOnTheNewHost()
    {
        var path = Path.Combine(Path.GetTempPath(), $"microchat-events-{Guid.NewGuid():N}.db");
        string token, seen;
        long aliceId;
        await using (var first = new MicrochatHost(databasePath: path))
        {
            var alice = await first.SignUpAsync();
            (token, aliceId) = (alice.Client.Token!, alice.Id);
            var start = await first.LastIdAsync();
            await first.PublishAsync(EventTestKit.Numbered(1, alice.Id), EventTestKit.Numbered(2, alice.Id));
            seen = (await alice.Client.Events.ListenAsync(start).TakeAsync(1))[0].Id;
        }

        await using var second = new MicrochatHost(databasePath: path);
        try
        {
            var client = second.Anonymous();
            client.Token = token;
            await second.PublishAsync(EventTestKit.Numbered(3, aliceId));

            var events = await client.Events.ListenAsync(seen).TakeAsync(2);

            Assert.Equal([2L, 3L], events.Select(e => e.Number()));
            Assert.True(long.Parse(events[1].Id, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(events[0].Id, System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            await second.DisposeAsync();
            second.DeleteDatabase();
        }
    }

    [Fact]
    public async Task Maintenance_PrunesEventsPastRetention_SoAnOldIdGetsAReset_AfterARestart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"microchat-retention-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?> { ["Microchat:EventRetention"] = "00:00:00.5" };
        string token, start;
        long aliceId;
        await using (var first = new MicrochatHost(settings, path))
        {
            var alice = await first.SignUpAsync();
            (token, aliceId) = (alice.Client.Token!, alice.Id);
            start = await first.LastIdAsync();
            await first.PublishAsync(EventTestKit.Numbered(1, alice.Id));
        }
        await Task.Delay(TimeSpan.FromSeconds(1));

        // Maintenance runs as the host starts: the event is now past its retention.
        await using var second = new MicrochatHost(settings, path);
        try
        {
            var client = second.Anonymous();
            client.Token = token;
            var store = second.Services.GetRequiredService<IEventStore>();
            for (var i = 0; i < 100 && (await store.GetBoundsAsync(CancellationToken.None)).OldestId != 0; i++) await Task.Delay(50);
            await second.PublishAsync(EventTestKit.Numbered(2, aliceId));

            var events = await client.Events.ListenAsync(start).TakeAsync(1);

            Assert.IsType<ResetEvent>(events[0]);
        }
        finally
        {
            await second.DisposeAsync();
            second.DeleteDatabase();
        }
    }

    [Fact]
    public async Task StoppingTheHost_EndsOpenStreams_SoShutdownDoesNotWaitForThem()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        await using var stream = await EventTestKit.OpenRawAsync(host.CreateHttpClient(), token: alice.Client.Token);
        await stream.NextAsync();

        host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().StopApplication();

        Assert.True(await stream.EndsAsync(TimeSpan.FromSeconds(5)), "the stream stayed open after the host began stopping");
    }
}
