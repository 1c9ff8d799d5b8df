using System.Net;
using Microchat.Client;
using Microchat.Contracts;
using Xunit;

namespace Microchat.Storage.PostgreSql.Tests;

/// <summary>
/// The features that once answered 501 on PostgreSQL, end to end through the typed client against the sample
/// host on the PostgreSQL store: reactions, edit history, search and webhooks, each with a caller it refuses.
/// </summary>
public sealed class PgFeatureTests : IAsyncLifetime
{
    private PgHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new PgHost(TestDatabase.FreshSchema());
        _ = _host.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A private conference of a new owner with one more member, and a user outside it.</summary>
    private async Task<(MicrochatClient Owner, MicrochatClient Member, MicrochatClient Outsider, string Conference)> ConferenceAsync(string title)
    {
        var owner = await _host.SignUpAsync();
        var member = await _host.SignUpAsync();
        var outsider = await _host.SignUpAsync();
        var conference = "@" + (await owner.Client.Conferences.CreateAsync(
            new CreateConferenceRequest($"conf_{Guid.NewGuid():N}"[..20], title, null, Private: true))).Alias;
        await owner.Client.Members.AddAsync(conference, new AddMemberRequest(Alias: member.Profile.Alias));
        return (owner.Client, member.Client, outsider.Client, conference);
    }

    [Fact]
    public async Task Reactions_AreCountedAndListed_AndAnOutsiderIsRefused()
    {
        var (owner, member, outsider, conference) = await ConferenceAsync("Reactions");
        var sent = await owner.Messages.SendAsync(conference, new SendMessageRequest("react to me"));

        await member.Messages.ReactAsync(conference, sent.Id, "👍");
        await owner.Messages.ReactAsync(conference, sent.Id, "👍");

        var seen = await member.Messages.GetAsync(conference, sent.Id);
        Assert.Equal([new Reaction("👍", 2, true)], seen.Reactions);
        Assert.Equal(2, (await owner.Messages.ListReactorsAsync(conference, sent.Id, "👍")).Count);
        await AssertRefusedAsync(() => outsider.Messages.ReactAsync(conference, sent.Id, "👍"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EditHistory_KeepsWhatEachEditReplaced_AndAnOutsiderIsRefused()
    {
        var (owner, _, outsider, conference) = await ConferenceAsync("History");
        var sent = await owner.Messages.SendAsync(conference, new SendMessageRequest("first"));

        await owner.Messages.EditAsync(conference, sent.Id, new EditMessageRequest("second"));
        await owner.Messages.EditAsync(conference, sent.Id, new EditMessageRequest("third"));

        Assert.Equal(["second", "first"], (await owner.Messages.ListVersionsAsync(conference, sent.Id)).Select(v => v.Text));
        await AssertRefusedAsync(() => outsider.Messages.ListVersionsAsync(conference, sent.Id), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Search_FindsMessagesAndChatsByWordPrefix_ButNothingOfAChatTheCallerIsNotIn()
    {
        var (owner, member, outsider, conference) = await ConferenceAsync("Gardening Club");
        var sent = await owner.Messages.SendAsync(conference, new SendMessageRequest("Tomatoes ripen in August"));
        await owner.Messages.SendAsync(conference, new SendMessageRequest("nothing to see"));

        Assert.Equal([sent.Id], (await member.Messages.SearchAsync("tomat aug")).Select(m => m.Id));
        Assert.Contains(await member.Chats.SearchAsync("garden"), c => "@" + c.Alias == conference);
        Assert.Empty(await outsider.Messages.SearchAsync("tomat"));
        Assert.DoesNotContain(await outsider.Chats.SearchAsync("garden"), c => "@" + c.Alias == conference);
    }

    [Fact]
    public async Task Webhooks_DeliverABotsEvents_AndAUserCannotSetOne()
    {
        var alice = await _host.SignUpAsync();
        var bot = await _host.CreateBotAsync(alice.Client);
        await using var receiver = await WebhookRecorder.StartAsync();

        await bot.Client.Me.SetWebhookAsync(receiver.Url, WebhookRecorder.Secret);
        await alice.Client.Messages.SendAsync("@" + bot.Profile.Alias, new SendMessageRequest("hello bot"));

        await receiver.UntilAsync(r => r.Any(e => e.Text == "hello bot"), TimeSpan.FromSeconds(30), "the message to reach the webhook");
        var refused = await Assert.ThrowsAsync<MicrochatApiException>(() => alice.Client.Me.SetWebhookAsync(receiver.Url, WebhookRecorder.Secret));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    // An outsider is told a private conference does not exist (404), as on LiteDB; never 501.
    private static async Task AssertRefusedAsync(Func<Task> call, HttpStatusCode expected)
    {
        var refused = await Assert.ThrowsAsync<MicrochatApiException>(call);
        Assert.Equal(expected, refused.StatusCode);
    }
}
