using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Microchat.Server.Tests.Events;

/// <summary>Typing notices: to the chat's other participants' open streams only, never logged, throttled.</summary>
public sealed class TypingTests
{
    [Fact]
    public async Task Typing_ReachesTheOtherMembers_WithoutAnId_AndIsNeverLogged()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var conference = await alice.CreateConferenceAsync();
        await bob.JoinAsync(conference);
        var http = host.CreateHttpClient();
        await using var bobStream = await EventTestKit.OpenRawAsync(http, token: bob.Client.Token);
        Assert.Equal(EventNames.Heartbeat, (await bobStream.NextAsync()).EventType);
        var before = await host.Services.GetRequiredService<IEventStore>().GetBoundsAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.NoContent, (await TypeAsync(http, alice.Client.Token!, conference)).StatusCode);

        var item = await NextNonHeartbeatAsync(bobStream);
        Assert.Equal(EventNames.Typing, item.EventType);
        Assert.Null(item.EventId);
        var data = JsonNode.Parse(item.Data)!;
        Assert.Equal(conference, "@" + data["chat"]!["alias"]!.GetValue<string>());
        Assert.Equal(alice.Id, data["sender"]!["id"]!.GetValue<long>());
        Assert.Equal(before, await host.Services.GetRequiredService<IEventStore>().GetBoundsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task InADialog_TheOtherSideSeesTheTypistAsTheChat_AndTheTypistGetsNothing()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var http = host.CreateHttpClient();
        await using var aliceStream = await EventTestKit.OpenRawAsync(http, token: alice.Client.Token);
        await using var bobStream = await EventTestKit.OpenRawAsync(http, token: bob.Client.Token);
        await aliceStream.NextAsync();
        await bobStream.NextAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await TypeAsync(http, alice.Client.Token!, bob.Ref)).StatusCode);

        var item = await NextNonHeartbeatAsync(bobStream);
        Assert.Equal(EventNames.Typing, item.EventType);
        Assert.Equal(alice.Id, JsonNode.Parse(item.Data)!["chat"]!["id"]!.GetValue<long>());
        // Alice's own stream: a message she sends next is the first thing she sees.
        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("hi"));
        Assert.Equal(EventNames.MessageCreated, (await NextNonHeartbeatAsync(aliceStream)).EventType);
    }

    [Fact]
    public async Task ASecondNotice_WithinThreeSeconds_IsAcceptedAndDropped()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var http = host.CreateHttpClient();
        await using var bobStream = await EventTestKit.OpenRawAsync(http, token: bob.Client.Token);
        await bobStream.NextAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await TypeAsync(http, alice.Client.Token!, bob.Ref)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await TypeAsync(http, alice.Client.Token!, bob.Ref)).StatusCode);
        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("after"));

        Assert.Equal(EventNames.Typing, (await NextNonHeartbeatAsync(bobStream)).EventType);
        // The second notice was dropped: the message comes next.
        Assert.Equal(EventNames.MessageCreated, (await NextNonHeartbeatAsync(bobStream)).EventType);
    }

    [Fact]
    public async Task Typing_IsRefused_ToAnOutsider404_AMutedMember403_AndAnonymous401()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var muted = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync(isPrivate: true);
        await owner.AddAsync(conference, muted);
        await owner.Client.Members.UpdatePermissionsAsync(conference, muted.Ref, new PermissionsPatch(Send: false));
        var http = host.CreateHttpClient();

        Assert.Equal(HttpStatusCode.NotFound, (await TypeAsync(http, stranger.Client.Token!, conference)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await TypeAsync(http, muted.Client.Token!, conference)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync($"chats/{conference}/typing", null)).StatusCode);
    }

    private static Task<HttpResponseMessage> TypeAsync(HttpClient http, string token, string chat)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"chats/{chat}/typing") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        return http.SendAsync(request);
    }

    private static async Task<System.Net.ServerSentEvents.SseItem<string>> NextNonHeartbeatAsync(RawStream stream)
    {
        while (true)
        {
            var item = await stream.NextAsync();
            if (item.EventType != EventNames.Heartbeat) return item;
        }
    }
}
