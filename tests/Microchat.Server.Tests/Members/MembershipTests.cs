using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Members;

public sealed class MembershipTests
{
    [Fact]
    public async Task Join_APublicConference_MakesTheCallerAMember_WithTheDefaults()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var bob = await host.SignUpAsync(name: "Bob", surname: "Builder");
        var conference = await owner.CreateConferenceAsync();

        var member = await bob.Client.Members.AddAsync(conference, new AddMemberRequest(Id: bob.Id));

        Assert.Equal((bob.Id, bob.Alias, "Bob Builder", MemberRole.Member), (member.Entity.Id, member.Entity.Alias, member.Entity.Title, member.Role));
        Assert.Equal(member, await owner.Client.Members.GetAsync(conference, bob.Ref));
        Assert.Equal(Permissions.Participant, await bob.Client.Members.GetPermissionsAsync(conference, bob.Id.ToString()));
        Assert.Equal(2, (await bob.Client.Chats.GetAsync(conference)).MemberCount);
    }

    [Fact]
    public async Task Join_APrivateConference_IsNotFound_AndAddingOthersIsForAddUserHolders()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync(isPrivate: true);
        await owner.AddAsync(conference, member);

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => stranger.JoinAsync(conference));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => member.AddAsync(conference, stranger));
        await owner.Client.Members.UpdatePermissionsAsync(conference, member.Ref, new PermissionsPatch(AddUser: true));
        var added = await member.AddAsync(conference, stranger);

        Assert.Equal(stranger.Id, added.Entity.Id);
    }

    [Fact]
    public async Task Add_InAPublicConference_OthersNeedAddUser_EvenForNonMembers()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var third = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();
        await member.JoinAsync(conference);

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => member.AddAsync(conference, third));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => stranger.AddAsync(conference, third));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized,
            () => host.Anonymous().Members.AddAsync(conference, new AddMemberRequest(third.Alias)));

        Assert.Equal(2, (await owner.Client.Members.ListAsync(conference)).Count);
    }

    [Fact]
    public async Task Add_SomeoneAlreadyIn_Is409()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync(isPrivate: true);
        await owner.AddAsync(conference, bob);

        await ApiAssert.RefusedAsync(HttpStatusCode.Conflict, () => owner.AddAsync(conference, bob));
        await ApiAssert.RefusedAsync(HttpStatusCode.Conflict, () => bob.JoinAsync(conference));
        await ApiAssert.RefusedAsync(HttpStatusCode.Conflict, () => owner.JoinAsync(conference));
    }

    [Theory]
    [InlineData("{}", "alias")]
    [InlineData("""{"alias":"bob_x","id":5}""", "id")]
    [InlineData("""{"alias":"no spaces"}""", "alias")]
    [InlineData("""{"alias":"@bob_x"}""", "alias")]
    [InlineData("""{"id":0}""", "id")]
    [InlineData("""{"id":-3}""", "id")]
    public async Task Add_RefusesABadBody_With400(string body, string field)
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", owner.Client.Token);

        var response = await http.PostAsync($"chats/{conference}/members",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Add_AConference_Is400_AndAnUnknownAliasOrId_Is404()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();
        var other = await owner.CreateConferenceAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest,
            () => owner.Client.Members.AddAsync(conference, new AddMemberRequest(other[1..])), "alias");
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => owner.Client.Members.AddAsync(conference, new AddMemberRequest("nobody_here")));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => owner.Client.Members.AddAsync(conference, new AddMemberRequest(Id: 999_999)));
    }

    [Fact]
    public async Task Members_OfADialog_AreNotFound()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Members.ListAsync(bob.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.AddAsync(bob.Ref, alice));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Members.RemoveAsync(bob.Ref, bob.Ref));
    }

    [Fact]
    public async Task List_IsInJoiningOrder_WithRolesAndPaging()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var admin = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();
        await admin.JoinAsync(conference);
        await member.JoinAsync(conference);
        await owner.Client.Members.UpdatePermissionsAsync(conference, admin.Ref, new PermissionsPatch(Admin: true));

        var all = await member.Client.Members.ListAsync(conference);
        var page = await member.Client.Members.ListAsync(conference, offset: 1, count: 1);

        Assert.Equal([(owner.Id, MemberRole.Owner), (admin.Id, MemberRole.Admin), (member.Id, MemberRole.Member)],
            all.Select(m => (m.Entity.Id, m.Role)));
        Assert.True(all[0].JoinedAt <= all[1].JoinedAt && all[1].JoinedAt <= all[2].JoinedAt);
        Assert.Equal(admin.Id, Assert.Single(page).Entity.Id);
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => member.Client.Members.ListAsync(conference, count: 101), "count");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => member.Client.Members.ListAsync(conference, offset: -1), "offset");
    }

    [Fact]
    public async Task List_IsOpenToReadersOfAPublicConference_ButNotOfAPrivateOne()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var open = await owner.CreateConferenceAsync();
        var hidden = await owner.CreateConferenceAsync(isPrivate: true);

        Assert.Single(await stranger.Client.Members.ListAsync(open));
        Assert.Equal(owner.Id, (await stranger.Client.Members.GetAsync(open, owner.Ref)).Entity.Id);
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => stranger.Client.Members.ListAsync(hidden));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => stranger.Client.Members.GetAsync(hidden, owner.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Members.ListAsync(open));
    }

    [Fact]
    public async Task List_NeedsRead_ForMembers()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var muted = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync(isPrivate: true);
        await owner.AddAsync(conference, muted);
        await owner.Client.Members.UpdatePermissionsAsync(conference, muted.Ref, new PermissionsPatch(Read: false));

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => muted.Client.Members.ListAsync(conference));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => muted.Client.Members.GetAsync(conference, owner.Ref));
    }

    [Fact]
    public async Task Get_ANonMember_Is404_AndAMalformedReference_Is400()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => owner.Client.Members.GetAsync(conference, stranger.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => owner.Client.Members.GetAsync(conference, stranger.Id.ToString()));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => owner.Client.Members.GetAsync(conference, "@nobody_here"));
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => owner.Client.Members.GetAsync(conference, "x y"), "member");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => owner.Client.Members.GetAsync("@-", owner.Ref), "chat");
    }

    [Fact]
    public async Task Leave_EndsTheMembership_AndRejoiningStartsAfresh()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();
        await bob.JoinAsync(conference);
        await owner.Client.Members.UpdatePermissionsAsync(conference, bob.Ref, new PermissionsPatch(Delete: true));

        await bob.Client.Members.RemoveAsync(conference, bob.Ref);

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => owner.Client.Members.GetAsync(conference, bob.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Members.RemoveAsync(conference, bob.Ref));
        Assert.Equal(Permissions.ReadOnly, (await bob.Client.Chats.GetAsync(conference)).Permissions);
        await bob.JoinAsync(conference);
        Assert.Equal(Permissions.Participant, await bob.Client.Members.GetPermissionsAsync(conference, bob.Ref));
    }

    [Fact]
    public async Task Leave_IsRefusedToTheOwner_WhoDeletesTheConferenceInstead()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();

        var refusal = await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => owner.Client.Members.RemoveAsync(conference, owner.Ref));

        Assert.Contains("delete the conference", refusal.Detail);
        Assert.Single(await owner.Client.Members.ListAsync(conference));
    }

    [Fact]
    public async Task Remove_Others_IsForRemoveUserHolders_NeverTheOwner_AndAdminsOnlyByTheOwner()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var moderator = await host.SignUpAsync();
        var admin = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();
        foreach (var who in new[] { moderator, admin, member }) await who.JoinAsync(conference);
        await owner.Client.Members.UpdatePermissionsAsync(conference, moderator.Ref, new PermissionsPatch(RemoveUser: true));
        await owner.Client.Members.UpdatePermissionsAsync(conference, admin.Ref, new PermissionsPatch(Admin: true, RemoveUser: true));

        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Members.RemoveAsync(conference, member.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => stranger.Client.Members.RemoveAsync(conference, member.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => member.Client.Members.RemoveAsync(conference, moderator.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => moderator.Client.Members.RemoveAsync(conference, owner.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => admin.Client.Members.RemoveAsync(conference, owner.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => moderator.Client.Members.RemoveAsync(conference, admin.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => moderator.Client.Members.RemoveAsync(conference, stranger.Ref));
        Assert.Equal(4, (await owner.Client.Members.ListAsync(conference)).Count);

        await moderator.Client.Members.RemoveAsync(conference, member.Ref);
        await admin.Client.Members.RemoveAsync(conference, moderator.Ref);
        await owner.Client.Members.RemoveAsync(conference, admin.Ref);

        Assert.Equal([owner.Id], (await owner.Client.Members.ListAsync(conference)).Select(m => m.Entity.Id));
    }

    [Fact]
    public async Task JoinAndLeave_PublishMemberEvents_ToTheMembersAndTheMemberConcerned()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var carol = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();

        await bob.JoinAsync(conference);
        await carol.JoinAsync(conference);
        await owner.Client.Members.RemoveAsync(conference, bob.Ref);
        await carol.Client.Members.RemoveAsync(conference, carol.Ref);

        Assert.Equal([EventNames.MemberAdded, EventNames.MemberAdded, EventNames.MemberAdded, EventNames.MemberRemoved, EventNames.MemberRemoved],
            await host.EventNamesForAsync(owner.Id));
        // Bob hears of his own joining, Carol's, and finally his own removal: nothing after it.
        var bobs = await host.EventsForAsync(bob.Id);
        Assert.Equal([EventNames.MemberAdded, EventNames.MemberAdded, EventNames.MemberRemoved], bobs.Select(e => e.Name));
        using var last = JsonDocument.Parse(bobs[^1].Data);
        Assert.Equal(bob.Id, last.RootElement.GetProperty("member").GetProperty("member").GetProperty("id").GetInt64());
        Assert.Equal(conference[1..], last.RootElement.GetProperty("chat").GetProperty("alias").GetString());
        Assert.Equal([EventNames.MemberAdded, EventNames.MemberRemoved, EventNames.MemberRemoved], await host.EventNamesForAsync(carol.Id));
        Assert.Empty(await host.EventsForAsync(stranger.Id));
    }

    [Fact]
    public async Task Add_AnswersWithTheMembersLocation()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", owner.Client.Token);

        var response = await http.PostAsJsonAsync($"chats/{conference}/members", new { id = bob.Id });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/chats/{conference}/members/{bob.Id}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ConcurrentJoins_MakeOneMember()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try { await bob.JoinAsync(conference); return HttpStatusCode.Created; }
            catch (Microchat.Client.MicrochatApiException e) { return e.StatusCode; }
        }));

        Assert.Single(outcomes, s => s == HttpStatusCode.Created);
        Assert.All(outcomes.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));
        Assert.Equal(2, (await owner.Client.Members.ListAsync(conference)).Count);
    }
}
