using System.Net;
using System.Net.Http.Json;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Conferences;

public sealed class CreateConferenceTests
{
    [Fact]
    public async Task Create_ReturnsTheDetails_WithTheCallerAsOwnerAndOnlyMember()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync(name: "Alice");

        var conference = await alice.Client.Conferences.CreateAsync(
            new CreateConferenceRequest("Team", " The team ", "What we do\nand why", Private: true));

        Assert.Equal("Team", conference.Alias);
        Assert.Equal(EntityType.Conference, conference.Type);
        Assert.Equal("The team", conference.Title);
        Assert.Equal("What we do\nand why", conference.Description);
        Assert.True(conference.Private);
        Assert.Equal(alice.Id, conference.Owner?.Id);
        Assert.Equal(1, conference.MemberCount);
        Assert.Equal(Permissions.All, conference.Permissions);
        Assert.Null(conference.Avatar);
        var owner = Assert.Single(await alice.Client.Members.ListAsync("@team"));
        Assert.Equal((alice.Id, MemberRole.Owner), (owner.Entity.Id, owner.Role));
    }

    [Fact]
    public async Task Create_IsPublicByDefault_WithReadSendSendMediaAsDefaults()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        var conference = await alice.Client.Conferences.CreateAsync(new CreateConferenceRequest("lobby", "Lobby"));

        Assert.False(conference.Private);
        Assert.Null(conference.Description);
        Assert.Equal(Permissions.Participant, await alice.Client.Conferences.GetDefaultPermissionsAsync("@lobby"));
    }

    [Fact]
    public async Task Create_AnswersWithLocation()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", alice.Client.Token);

        var response = await http.PostAsJsonAsync("conferences", new { alias = "lobby", title = "Lobby" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/chats/@lobby", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Create_RefusesAnAliasTakenByAUserOrAConference_CaseInsensitively()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync("alice");
        await alice.CreateConferenceAsync(alias: "lobby");

        await ApiAssert.RefusedAsync(HttpStatusCode.Conflict,
            () => alice.Client.Conferences.CreateAsync(new CreateConferenceRequest("ALICE", "Mine")));
        await ApiAssert.RefusedAsync(HttpStatusCode.Conflict,
            () => alice.Client.Conferences.CreateAsync(new CreateConferenceRequest("Lobby", "Again")));
        await ApiAssert.RefusedAsync(HttpStatusCode.Conflict,
            () => host.Anonymous().Auth.RegisterAsync(new RegisterUserRequest("LOBBY", TestUsers.Password, "Squatter")));
    }

    [Theory]
    [InlineData("ab", "Title", null, "alias")]
    [InlineData("9lives", "Title", null, "alias")]
    [InlineData("good_alias", " ", null, "title")]
    [InlineData("good_alias", null, null, "title")]
    public async Task Create_RefusesBadFields_With400_AndCreatesNothing(string alias, string? title, string? description, string field)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest,
            () => alice.Client.Conferences.CreateAsync(new CreateConferenceRequest(alias, title!, description)), field);

        if (field != "alias")
            await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Chats.GetAsync("@" + alias));
    }

    [Fact]
    public async Task Create_RefusesOverlongTitleAndDescription()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest,
            () => alice.Client.Conferences.CreateAsync(new CreateConferenceRequest("lobby", new string('t', 129), new string('d', 1025))),
            "title", "description");
    }

    [Fact]
    public async Task Create_RefusesAnonymousCallers_With401()
    {
        await using var host = new MicrochatHost();

        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized,
            () => host.Anonymous().Conferences.CreateAsync(new CreateConferenceRequest("lobby", "Lobby")));
    }

    [Fact]
    public async Task Create_AnswersAMalformedBody_WithAProblem()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", alice.Client.Token);

        var response = await http.PostAsync("conferences", new StringContent("""{"alias":"lobby","title":"x","private":"yes"}""",
            System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Create_PublishesMemberAdded_ToTheOwner()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        await alice.CreateConferenceAsync();

        Assert.Equal([EventNames.MemberAdded], await host.EventNamesForAsync(alice.Id));
    }
}
