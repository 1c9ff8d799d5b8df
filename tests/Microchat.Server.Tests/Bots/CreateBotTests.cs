using System.Net;
using System.Net.Http.Json;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Bots;

public sealed class CreateBotTests
{
    [Fact]
    public async Task Create_ReturnsTheBot_AndAToken_ThatSignsTheBotIn()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync(name: "Alice");

        var created = await alice.Client.Bots.CreateAsync(new CreateBotRequest("Helper", " Helper bot ", "I help."));
        var bot = host.Anonymous();
        bot.Token = created.Token;
        var self = await bot.Chats.GetAsync("@helper");

        Assert.Equal(("Helper", EntityType.Bot, "Helper bot", "I help."), (created.Bot.Alias, created.Bot.Type, created.Bot.Title, created.Bot.Description));
        Assert.Equal((alice.Id, "Alice"), (created.Bot.Owner?.Id, created.Bot.Owner?.Title));
        Assert.Equal(Permissions.Participant, created.Bot.Permissions);
        Assert.StartsWith("mc_", created.Token);
        Assert.Equal(created.Bot.Id, self.Id);
        Assert.Equal(alice.Id, (await bot.Chats.GetAsync(alice.Ref)).Id);
    }

    [Fact]
    public async Task Create_AnswersWithLocation_AndTheTokenIsNotAmongTheOwnersTokens()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", alice.Client.Token);

        var response = await http.PostAsJsonAsync("bots", new { alias = "helper", title = "Helper" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/chats/@helper", response.Headers.Location?.OriginalString);
        Assert.Single(await alice.Client.Auth.ListTokensAsync());
    }

    [Fact]
    public async Task Create_IsRefused_ToBots_403_AndToAnonymousCallers_401()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(alice);

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bot.Client.Bots.CreateAsync(new CreateBotRequest("child_bot", "Child")));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Bots.CreateAsync(new CreateBotRequest("orphan_bot", "Orphan")));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Chats.GetAsync("@child_bot"));
    }

    [Fact]
    public async Task Create_RefusesAnAliasTakenByAUserBotOrConference_CaseInsensitively()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync("alice");
        await host.CreateBotAsync(alice, "helper");
        await alice.CreateConferenceAsync(alias: "lobby");

        foreach (var alias in new[] { "Alice", "HELPER", "Lobby" })
            await ApiAssert.RefusedAsync(HttpStatusCode.Conflict, () => alice.Client.Bots.CreateAsync(new CreateBotRequest(alias, "Taken")));
        await ApiAssert.RefusedAsync(HttpStatusCode.Conflict,
            () => alice.Client.Conferences.CreateAsync(new CreateConferenceRequest("Helper", "Taken by the bot")));
    }

    [Theory]
    [InlineData("x", "Title", null, "alias")]
    [InlineData("good_bot", "", null, "title")]
    [InlineData("good_bot", "Title", 1025, "description")]
    public async Task Create_RefusesBadFields_With400_AndCreatesNothing(string alias, string title, int? descriptionLength, string field)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var description = descriptionLength is { } n ? new string('d', n) : null;

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Bots.CreateAsync(new CreateBotRequest(alias, title, description)), field);

        if (field != "alias") await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Chats.GetAsync("@" + alias));
    }

    [Fact]
    public async Task ABot_CannotLogInWithAPassword()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(alice);
        var anonymous = host.Anonymous();

        var asBot = await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized,
            () => anonymous.Auth.LoginAsync(new CreateTokenRequest(bot.Alias, TestUsers.Password)));
        var wrong = await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized,
            () => anonymous.Auth.LoginAsync(new CreateTokenRequest(alice.Alias, "not the password")));

        Assert.Equal(wrong.Detail, asBot.Detail);
    }

    [Fact]
    public async Task ABot_CannotCreateConferencesOrManageTokens()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(alice);

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => bot.Client.Conferences.CreateAsync(new CreateConferenceRequest("bot_conf", "Bots only")));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bot.Client.Auth.ListTokensAsync());
    }

    [Fact]
    public async Task ABot_JoinsAPublicConference_AndIsAddedToPrivateOnesByAlias()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(alice);
        var open = await alice.CreateConferenceAsync();
        var hidden = await alice.CreateConferenceAsync(isPrivate: true);

        var joined = await bot.JoinAsync(open);
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bot.JoinAsync(hidden));
        await alice.AddAsync(hidden, bot);

        Assert.Equal((bot.Id, EntityType.Bot, MemberRole.Member), (joined.Entity.Id, joined.Entity.Type, joined.Role));
        Assert.Equal(Permissions.Participant, (await bot.Client.Chats.GetAsync(hidden)).Permissions);
    }
}
