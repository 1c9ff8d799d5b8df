using System.Net;
using Microchat.Client;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Events;

/// <summary>The wire of <c>GET /events</c>: how a stream opens, what it carries, how it stays alive.</summary>
public sealed class StreamTests
{
    [Fact]
    public async Task AStreamWithoutLastEventId_StartsFromNow_WithAHeartbeatCarryingThePosition()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        await host.PublishAsync(EventTestKit.Numbered(1, alice.Id));
        var before = await host.LastIdAsync();

        await using var stream = await EventTestKit.OpenRawAsync(host.CreateHttpClient(), token: alice.Client.Token);
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        var first = await stream.NextAsync();
        Assert.Equal(EventNames.Heartbeat, first.EventType);
        Assert.Equal(before, first.EventId);

        await host.PublishAsync(EventTestKit.Numbered(2, alice.Id));
        var next = await stream.NextAsync();

        Assert.Equal(EventNames.ChatUpdated, next.EventType);
        Assert.Equal(await host.LastIdAsync(), next.EventId);
        Assert.Contains("\"event 2\"", next.Data);
    }

    [Fact]
    public async Task AQuietStream_GetsHeartbeatsWithoutIds_AtTheConfiguredInterval()
    {
        await using var host = new MicrochatHost(new Dictionary<string, string?> { ["Microchat:HeartbeatInterval"] = "00:00:00.2" });
        var alice = await host.SignUpAsync();
        await using var stream = await EventTestKit.OpenRawAsync(host.CreateHttpClient(), token: alice.Client.Token);
        var opening = await stream.NextAsync();
        var started = DateTimeOffset.UtcNow;

        var beats = new[] { await stream.NextAsync(), await stream.NextAsync(), await stream.NextAsync() };
        var elapsed = DateTimeOffset.UtcNow - started;

        Assert.NotNull(opening.EventId);
        Assert.All(beats, b => Assert.Equal(EventNames.Heartbeat, b.EventType));
        Assert.All(beats, b => Assert.Null(b.EventId));
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(500), $"three beats 0.2 s apart came in {elapsed}");
    }

    [Fact]
    public async Task Heartbeats_KeepComing_WhileOtherCallersEventsWakeTheStream()
    {
        await using var host = new MicrochatHost(new Dictionary<string, string?> { ["Microchat:HeartbeatInterval"] = "00:00:00.3" });
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        await using var stream = await EventTestKit.OpenRawAsync(host.CreateHttpClient(), token: alice.Client.Token);
        await stream.NextAsync();
        using var busy = new CancellationTokenSource();
        var others = Task.Run(async () =>
        {
            for (var n = 0; !busy.IsCancellationRequested; n++)
            {
                await host.PublishAsync(EventTestKit.Numbered(n, bob.Id));
                await Task.Delay(50);
            }
        });

        var beat = await stream.NextAsync(TimeSpan.FromSeconds(3));
        await busy.CancelAsync();
        await others;

        Assert.Equal(EventNames.Heartbeat, beat.EventType);
    }

    [Fact]
    public async Task AnUnknownName_OrIncompleteData_ComesAsAnUnknownEvent_AndTheStreamGoesOn()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var start = await host.LastIdAsync();
        await host.PublishAsync(
            new Server.Events.OutgoingEvent("something_new", """{"x":1}""", [alice.Id]),
            new Server.Events.OutgoingEvent(EventNames.MessageCreated, """{"chat":null}""", [alice.Id]),
            EventTestKit.Numbered(3, alice.Id));

        var events = await alice.Client.Events.ListenAsync(start).TakeAsync(3);

        var unknown = Assert.IsType<UnknownEvent>(events[0]);
        Assert.Equal(("something_new", """{"x":1}""", MicrochatEventKind.Unknown), (unknown.Name, unknown.Data, unknown.Kind));
        Assert.Equal(EventNames.MessageCreated, Assert.IsType<UnknownEvent>(events[1]).Name);
        Assert.Equal(3, events[2].Number());
    }

    [Fact]
    public async Task WithoutAToken_TheStreamIsRefused()
    {
        await using var host = new MicrochatHost();

        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Events.ListenAsync().TakeAsync(1));
    }

    [Fact]
    public async Task ARevokedToken_EndsTheListenerWith401_WithoutRetrying()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var tokens = await alice.Client.Auth.ListTokensAsync();
        await alice.Client.Auth.RevokeTokenAsync(Assert.Single(tokens).Id);

        var refusal = await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized,
            () => alice.Client.Events.ListenAsync().TakeAsync(1, TimeSpan.FromSeconds(5)));

        Assert.NotNull(refusal.Problem);
    }
}
