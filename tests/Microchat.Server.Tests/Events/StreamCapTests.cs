using System.Net.ServerSentEvents;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Events;

/// <summary>
/// <c>Microchat:MaxStreamsPerCaller</c>: a caller opening one stream more than the cap gets it, and
/// the oldest of its streams ends (a client that lost track of its old connections keeps working);
/// the cap counts per caller, so another user's streams are untouched.
/// </summary>
public sealed class StreamCapTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task OneStreamBeyondTheCap_EndsTheOldest_AndKeepsTheRest()
    {
        await using var host = new MicrochatHost(new Dictionary<string, string?> { ["Microchat:MaxStreamsPerCaller"] = "2" });
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var http = host.CreateHttpClient();
        await using var bobsStream = await EventTestKit.OpenRawAsync(http, token: bob.Client.Token);
        await using var first = await EventTestKit.OpenRawAsync(http, token: alice.Client.Token);
        await first.NextAsync();
        await using var second = await EventTestKit.OpenRawAsync(http, token: alice.Client.Token);
        await second.NextAsync();
        await bobsStream.NextAsync();

        await using var third = await EventTestKit.OpenRawAsync(http, token: alice.Client.Token);
        await third.NextAsync();

        Assert.True(await first.EndsAsync(Limit), "the oldest stream is still open beyond the cap");
        await bob.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("to every open stream"));
        Assert.Contains("to every open stream", (await NextEventAsync(second)).Data);
        Assert.Contains("to every open stream", (await NextEventAsync(third)).Data);
        Assert.Contains("to every open stream", (await NextEventAsync(bobsStream)).Data);
    }

    // Skips the keep-alives a stream may carry before the next event.
    private static async Task<SseItem<string>> NextEventAsync(RawStream stream)
    {
        while (true)
        {
            var item = await stream.NextAsync();
            if (item.EventType != EventNames.Heartbeat) return item;
        }
    }
}
