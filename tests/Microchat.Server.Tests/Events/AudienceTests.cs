using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Events;

/// <summary>Who receives what: the recipients stored with each event, and nobody else, live and on replay.</summary>
public sealed class AudienceTests
{
    [Fact]
    public async Task AnEvent_ReachesItsRecipients_AndNobodyElse_LiveAndOnReplay()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var start = await host.LastIdAsync();
        var bobLive = bob.Client.Events.ListenAsync(start).TakeAsync(1);

        await host.PublishAsync(EventTestKit.Numbered(1, alice.Id));
        await host.PublishAsync(EventTestKit.Numbered(2, alice.Id, bob.Id));

        Assert.Equal([1L, 2L], (await alice.Client.Events.ListenAsync(start).TakeAsync(2)).Select(e => e.Number()));
        Assert.Equal([2L], (await bobLive).Select(e => e.Number()));
        Assert.Equal([2L], (await bob.Client.Events.ListenAsync(start).TakeAsync(1)).Select(e => e.Number()));
    }
}
