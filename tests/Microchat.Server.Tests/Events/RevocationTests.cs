using System.Diagnostics;
using Microchat.Client;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Events;

/// <summary>
/// Revoking a token, deleting an account or removing a member reaches streams that are already open:
/// the stream ends (or, for a removed member, stops getting that chat) within 5 s.
/// </summary>
public sealed class RevocationTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task RevokingAToken_EndsTheStreamsOpenedWithIt_AndNoOther()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var laptop = await alice.Client.Auth.LoginAsync(new CreateTokenRequest(alice.Alias, TestUsers.Password, "laptop"), useToken: false);
        var http = host.CreateHttpClient();
        await using var phoneStream = await EventTestKit.OpenRawAsync(http, token: alice.Client.Token);
        await using var laptopStream = await EventTestKit.OpenRawAsync(http, token: laptop.Token);
        await phoneStream.NextAsync();
        await laptopStream.NextAsync();

        var watch = Stopwatch.StartNew();
        await alice.Client.Auth.RevokeTokenAsync(laptop.Id);

        Assert.True(await laptopStream.EndsAsync(Limit), "the revoked token's stream is still open");
        Assert.True(watch.Elapsed < Limit, $"took {watch.Elapsed}");
        Assert.False(await phoneStream.EndsAsync(TimeSpan.FromMilliseconds(500)), "the other token's stream ended too");
    }

    [Fact]
    public async Task DeletingABot_EndsItsStream()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var bot = await owner.Client.Bots.CreateAsync(new CreateBotRequest(TestUsers.UniqueAlias("bot"), "Bot"));
        var http = host.CreateHttpClient();
        await using var botStream = await EventTestKit.OpenRawAsync(http, token: bot.Token);
        await botStream.NextAsync();

        await owner.Client.Chats.DeleteAsync("@" + bot.Bot.Alias);

        Assert.True(await botStream.EndsAsync(Limit), "the deleted bot's stream is still open");
    }

    [Fact]
    public async Task ARemovedMember_StopsGettingTheConference_ButKeepsItsStream()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();
        await member.JoinAsync(conference);
        var start = await host.LastIdAsync();
        var stream = member.Client.Events.ListenAsync(start);

        await owner.Client.Members.RemoveAsync(conference, member.Ref);
        await owner.Client.Messages.SendAsync(conference, new SendMessageRequest("after the removal"));
        await owner.Client.Messages.SendAsync(member.Ref, new SendMessageRequest("a dialog message"));

        var events = await stream.TakeAsync(2);
        Assert.Equal(MicrochatEventKind.MemberRemoved, events[0].Kind);
        var dialog = Assert.IsType<MessageEvent>(events[1]);
        Assert.Equal("a dialog message", dialog.Message.Text);
    }
}
