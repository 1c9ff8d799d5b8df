using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Server.Tests.Media;
using Xunit;

namespace Microchat.Server.Tests.Contacts;

public sealed class ContactTests
{
    [Fact]
    public async Task Add_Is201_WithTheUsersOwnNames_AndALocation()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync(name: "Bob", surname: "Builder");
        using var http = UploadTests.Authorized(host, alice);

        var response = await http.PostAsync("contacts",
            new StringContent($"{{\"username\":\"{bob.Alias}\"}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/contacts/{bob.Id}", response.Headers.Location?.OriginalString);
        var contact = await alice.Client.Contacts.GetAsync(bob.Ref);
        Assert.Equal((bob.Id, "Bob", "Builder"), (contact.Id, contact.Name, contact.Surname));
        Assert.Equal(new EntitySummary(bob.Id, bob.Alias, EntityType.User, "Bob Builder", null), contact.User);
    }

    [Fact]
    public async Task Add_TakesTheCallersOwnNames_AndAnAtSign()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync(name: "Bob", surname: "Builder");

        var contact = await alice.Client.Contacts.AddAsync(new AddContactRequest("@" + bob.Alias.ToUpperInvariant(), " Bobby ", ""));

        Assert.Equal((bob.Id, "Bobby", (string?)null), (contact.Id, contact.Name, contact.Surname));
        Assert.Equal(contact, await alice.Client.Contacts.GetAsync(bob.Id.ToString()));
    }

    [Fact]
    public async Task Add_Twice_Is409()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        await alice.Client.Contacts.AddAsync(new AddContactRequest(bob.Alias, "First"));

        await ApiAssert.RefusedAsync(HttpStatusCode.Conflict, () => alice.Client.Contacts.AddAsync(new AddContactRequest(bob.Alias, "Second")));

        Assert.Equal("First", Assert.Single(await alice.Client.Contacts.ListAsync()).Name);
    }

    [Fact]
    public async Task Add_OfAnUnknownUser_OrABotOrConference_Is404()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(alice);
        var conference = await alice.CreateConferenceAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Contacts.AddAsync(new AddContactRequest("nobody_here")));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Contacts.AddAsync(new AddContactRequest(bot.Alias)));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Contacts.AddAsync(new AddContactRequest(conference)));
        Assert.Empty(await alice.Client.Contacts.ListAsync());
    }

    [Theory]
    [InlineData("", null, null, "username")]
    [InlineData("1abc", null, null, "username")]
    [InlineData("a b", null, null, "username")]
    [InlineData("@", null, null, "username")]
    [InlineData("bob_ok", "   ", null, "name")]
    [InlineData("bob_ok", "n", "x", null)]
    public async Task Add_RefusesBadInput_With400(string username, string? name, string? surname, string? field)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        await host.SignUpAsync("bob_ok");
        var longName = new string('n', 65);
        var request = field is null
            ? new AddContactRequest(username, longName, surname + new string('s', 65))
            : new AddContactRequest(username, name, surname);

        var refusal = await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Contacts.AddAsync(request), field is null ? ["name", "surname"] : [field]);

        Assert.NotEmpty(refusal.Errors);
        Assert.Empty(await alice.Client.Contacts.ListAsync());
    }

    [Fact]
    public async Task Add_WithoutABody_Is400()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        using var http = UploadTests.Authorized(host, alice);

        var response = await http.PostAsync("contacts", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        await UploadTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "username");
    }

    [Fact]
    public async Task Add_OfYourself_Is400()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Contacts.AddAsync(new AddContactRequest(alice.Alias)), "username");
    }

    [Fact]
    public async Task List_IsOrderedByName_ThenSurname_AndPages()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var zed = await host.SignUpAsync(name: "zed");
        var ann = await host.SignUpAsync(name: "Ann", surname: "Young");
        var annB = await host.SignUpAsync(name: "ann", surname: "Baker");
        var bob = await host.SignUpAsync(name: "Bob");
        foreach (var user in new[] { zed, ann, annB, bob }) await alice.Client.Contacts.AddAsync(new AddContactRequest(user.Alias));

        var all = await alice.Client.Contacts.ListAsync();
        var page = await alice.Client.Contacts.ListAsync(offset: 1, count: 2);

        Assert.Equal([annB.Id, ann.Id, bob.Id, zed.Id], all.Select(c => c.Id));
        Assert.Equal([ann.Id, bob.Id], page.Select(c => c.Id));
    }

    [Theory]
    [InlineData(-1, null, "offset")]
    [InlineData(null, 0, "count")]
    [InlineData(null, 101, "count")]
    public async Task List_RefusesOutOfRangePaging(int? offset, int? count, string field)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Contacts.ListAsync(offset, count), field);
    }

    [Fact]
    public async Task Contacts_AreEachUsersOwn()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var carol = await host.SignUpAsync();
        await alice.Client.Contacts.AddAsync(new AddContactRequest(carol.Alias, "Caz"));

        Assert.Empty(await bob.Client.Contacts.ListAsync());
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Contacts.GetAsync(carol.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Contacts.UpdateAsync(carol.Ref, new UpdateContactRequest("X")));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Contacts.DeleteAsync(carol.Id.ToString()));
        Assert.Equal("Caz", (await alice.Client.Contacts.GetAsync(carol.Ref)).Name);
    }

    [Fact]
    public async Task Update_ChangesOnlyTheNamesGiven()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync(name: "Bob", surname: "Builder");
        await alice.Client.Contacts.AddAsync(new AddContactRequest(bob.Alias));

        var renamed = await alice.Client.Contacts.UpdateAsync(bob.Ref, new UpdateContactRequest(Name: "Robert"));
        var cleared = await alice.Client.Contacts.UpdateAsync(bob.Id.ToString(), new UpdateContactRequest(Surname: ""));
        var unchanged = await alice.Client.Contacts.UpdateAsync(bob.Ref, new UpdateContactRequest());

        Assert.Equal(("Robert", "Builder"), (renamed.Name, renamed.Surname));
        Assert.Equal(("Robert", (string?)null), (cleared.Name, cleared.Surname));
        Assert.Equal(cleared, unchanged);
        Assert.Equal(cleared, await alice.Client.Contacts.GetAsync(bob.Ref));
    }

    [Fact]
    public async Task Update_RefusesBadNames_With400_AndChangesNothing()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync(name: "Bob");
        await alice.Client.Contacts.AddAsync(new AddContactRequest(bob.Alias));

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Contacts.UpdateAsync(bob.Ref, new UpdateContactRequest(Name: "")), "name");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest,
            () => alice.Client.Contacts.UpdateAsync(bob.Ref, new UpdateContactRequest(new string('n', 65), new string('s', 65))), "name", "surname");

        Assert.Equal("Bob", (await alice.Client.Contacts.GetAsync(bob.Ref)).Name);
    }

    [Fact]
    public async Task Delete_Is204_ThenTheContactIsGone()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        await alice.Client.Contacts.AddAsync(new AddContactRequest(bob.Alias));

        await alice.Client.Contacts.DeleteAsync(bob.Ref);

        Assert.Empty(await alice.Client.Contacts.ListAsync());
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Contacts.GetAsync(bob.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Contacts.DeleteAsync(bob.Ref));
        await alice.Client.Contacts.AddAsync(new AddContactRequest(bob.Alias));
    }

    [Fact]
    public async Task ADeletedUser_LeavesEveryContactList()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        await alice.Client.Contacts.AddAsync(new AddContactRequest(bob.Alias));
        await bob.Client.Contacts.AddAsync(new AddContactRequest(alice.Alias));

        await bob.Client.Chats.DeleteAsync(bob.Ref);

        Assert.Empty(await alice.Client.Contacts.ListAsync());
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Contacts.GetAsync(bob.Id.ToString()));
    }

    [Fact]
    public async Task AChangedProfileName_ShowsInTheSummary_WhileTheContactKeepsItsOwnName()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync(name: "Bob");
        await alice.Client.Contacts.AddAsync(new AddContactRequest(bob.Alias, "Bobby"));

        await bob.Client.Chats.UpdateAsync(bob.Ref, new UpdateChatRequest(Name: "Robert"));

        var contact = await alice.Client.Contacts.GetAsync(bob.Ref);
        Assert.Equal(("Bobby", "Robert"), (contact.Name, contact.User.Title));
    }

    [Fact]
    public async Task UnknownAndMalformedReferences_Are404And400()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Contacts.GetAsync("@nobody_here"));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Contacts.GetAsync("987654"));
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Contacts.GetAsync("@9lives"), "contact");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Contacts.GetAsync("bob"), "contact");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Contacts.DeleteAsync("0"), "contact");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Contacts.UpdateAsync("-1", new UpdateContactRequest("X")), "contact");
    }

    [Fact]
    public async Task Bots_HoldNoContacts_403OnEveryEndpoint()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var bot = (await host.CreateBotAsync(owner)).Client;

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bot.Contacts.ListAsync());
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bot.Contacts.AddAsync(new AddContactRequest(owner.Alias)));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bot.Contacts.GetAsync(owner.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bot.Contacts.UpdateAsync(owner.Ref, new UpdateContactRequest("X")));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bot.Contacts.DeleteAsync(owner.Ref));
    }

    [Fact]
    public async Task Contacts_AreRefusedToAnonymousCallers_With401()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var anonymous = host.Anonymous();

        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => anonymous.Contacts.ListAsync());
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => anonymous.Contacts.AddAsync(new AddContactRequest(alice.Alias)));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => anonymous.Contacts.GetAsync(alice.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => anonymous.Contacts.UpdateAsync(alice.Ref, new UpdateContactRequest("X")));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => anonymous.Contacts.DeleteAsync(alice.Ref));
    }
}
