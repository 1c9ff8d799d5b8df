using System.Net;
using System.Text.Json;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Storage;
using Xunit;

namespace Microchat.Server.Tests.Chats;

public sealed class UpdateChatTests
{
    private static readonly Dictionary<string, string?> RootIsAdministrator = new() { ["Microchat:Administrators:0"] = "root" };

    [Fact]
    public async Task Update_OwnProfile_ChangesTheFieldsGiven_AndEmptyClears()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync(name: "Alice", surname: "Liddell");

        var renamed = await alice.Client.Chats.UpdateAsync(alice.Ref, new UpdateChatRequest(Name: " Alicia ", Bio: "Down the\nrabbit hole"));
        var cleared = await alice.Client.Chats.UpdateAsync(alice.Ref, new UpdateChatRequest(Surname: "", Bio: ""));

        Assert.Equal(("Alicia", "Liddell", "Down the\nrabbit hole"), (renamed.Name, renamed.Surname, renamed.Bio));
        Assert.Equal(("Alicia", null, null), (cleared.Name, cleared.Surname, cleared.Bio));
        Assert.Equivalent(cleared, await alice.Client.Chats.GetAsync(alice.Ref), strict: true);
    }

    [Fact]
    public async Task Update_SomeoneElsesProfile_Is403_EvenForASiteAdministrator()
    {
        await using var host = new MicrochatHost(RootIsAdministrator);
        var alice = await host.SignUpAsync(name: "Alice");
        var bob = await host.SignUpAsync();
        var root = await host.SignUpAsync("root");
        var bot = await host.CreateBotAsync(bob);

        foreach (var caller in new[] { bob, root, bot })
            await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => caller.Client.Chats.UpdateAsync(alice.Ref, new UpdateChatRequest(Name: "Mallory")));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Chats.UpdateAsync(alice.Ref, new UpdateChatRequest(Name: "Mallory")));

        Assert.Equal("Alice", (await bob.Client.Chats.GetAsync(alice.Ref)).Name);
    }

    [Theory]
    [InlineData("user", "title")]
    [InlineData("user", "description")]
    [InlineData("user", "private")]
    [InlineData("bot", "name")]
    [InlineData("bot", "bio")]
    [InlineData("bot", "private")]
    [InlineData("conference", "surname")]
    [InlineData("conference", "bio")]
    public async Task Update_AFieldTheChatDoesNotHave_Is400_AndChangesNothing(string kind, string field)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync(name: "Alice");
        var chat = kind switch
        {
            "user" => alice.Ref,
            "bot" => (await host.CreateBotAsync(alice)).Ref,
            _ => await alice.CreateConferenceAsync(),
        };
        var before = await alice.Client.Chats.GetAsync(chat);
        var request = field switch
        {
            "title" => new UpdateChatRequest(Title: "T"),
            "description" => new UpdateChatRequest(Description: "D"),
            "private" => new UpdateChatRequest(Private: true),
            "name" => new UpdateChatRequest(Name: "N"),
            "surname" => new UpdateChatRequest(Surname: "S"),
            _ => new UpdateChatRequest(Bio: "B"),
        };

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Chats.UpdateAsync(chat, request), field);

        Assert.Equivalent(before, await alice.Client.Chats.GetAsync(chat), strict: true);
    }

    [Fact]
    public async Task Update_RefusesBlankOrOverlongValues()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var conference = await alice.CreateConferenceAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest,
            () => alice.Client.Chats.UpdateAsync(alice.Ref, new UpdateChatRequest(Name: " ", Surname: new string('s', 65), Bio: new string('b', 1025))),
            "name", "surname", "bio");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest,
            () => alice.Client.Chats.UpdateAsync(conference, new UpdateChatRequest(Title: "", Description: new string('d', 1025))),
            "title", "description");
    }

    [Fact]
    public async Task Update_ABot_IsForItsOwnerOnly_NotTheBotItself()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(alice);

        var updated = await alice.Client.Chats.UpdateAsync(bot.Ref, new UpdateChatRequest(Title: "Renamed", Description: "Does things"));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bob.Client.Chats.UpdateAsync(bot.Ref, new UpdateChatRequest(Title: "Hijacked")));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bot.Client.Chats.UpdateAsync(bot.Ref, new UpdateChatRequest(Title: "Self-made")));

        Assert.Equal(("Renamed", "Does things"), (updated.Title, updated.Description));
        Assert.Equal("Renamed", (await bob.Client.Chats.GetAsync(bot.Ref)).Title);
    }

    [Fact]
    public async Task Update_AConference_IsForEditConferenceHolders()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var editor = await host.SignUpAsync();
        var admin = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(owner);
        var conference = await owner.CreateConferenceAsync();
        foreach (var who in new[] { editor, admin, member, bot }) await who.JoinAsync(conference);
        await owner.Client.Members.UpdatePermissionsAsync(conference, editor.Ref, new PermissionsPatch(EditConference: true));
        await owner.Client.Members.UpdatePermissionsAsync(conference, admin.Ref, new PermissionsPatch(Admin: true));

        foreach (var refused in new[] { admin, member, stranger, bot })
            await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => refused.Client.Chats.UpdateAsync(conference, new UpdateChatRequest(Title: "No")));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Chats.UpdateAsync(conference, new UpdateChatRequest(Title: "No")));
        var byEditor = await editor.Client.Chats.UpdateAsync(conference, new UpdateChatRequest(Title: "New title", Description: "About"));
        var byOwner = await owner.Client.Chats.UpdateAsync(conference, new UpdateChatRequest(Private: true));

        Assert.Equal(("New title", "About", false), (byEditor.Title, byEditor.Description, byEditor.Private));
        Assert.Equal(Permissions.Participant with { EditConference = true }, byEditor.Permissions);
        Assert.True(byOwner.Private);
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => stranger.Client.Chats.GetAsync(conference));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => stranger.Client.Chats.UpdateAsync(conference, new UpdateChatRequest(Title: "No")));
        Assert.Equal("New title", (await member.Client.Chats.GetAsync(conference)).Title);
    }

    [Fact]
    public async Task Update_PublishesChatUpdated_ToAConferencesMembers()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();
        await member.JoinAsync(conference);

        await owner.Client.Chats.UpdateAsync(conference, new UpdateChatRequest(Title: "Renamed"));
        await owner.Client.Chats.UpdateAsync(conference, new UpdateChatRequest(Title: "Renamed"));
        await owner.Client.Chats.UpdateAsync(conference, new UpdateChatRequest());

        var updated = Assert.Single(await host.EventsForAsync(member.Id), e => e.Name == EventNames.ChatUpdated);
        using var data = JsonDocument.Parse(updated.Data);
        Assert.Equal("Renamed", data.RootElement.GetProperty("chat").GetProperty("title").GetString());
        Assert.Contains(EventNames.ChatUpdated, await host.EventNamesForAsync(owner.Id));
        Assert.Empty(await host.EventsForAsync(stranger.Id));
    }

    [Fact]
    public async Task Update_AProfile_PublishesChatUpdated_ToTheUserAndThoseInADialogWithThem()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var carol = await host.SignUpAsync();
        await host.AppendMessageAsync(ChatKey.Dialog(alice.Id, bob.Id), bob.Id);

        await alice.Client.Chats.UpdateAsync(alice.Ref, new UpdateChatRequest(Name: "Alicia"));

        foreach (var who in new[] { alice, bob })
        {
            var updated = Assert.Single(await host.EventsForAsync(who.Id));
            Assert.Equal(EventNames.ChatUpdated, updated.Name);
            Assert.Contains("\"title\":\"Alicia\"", updated.Data);
        }
        Assert.Empty(await host.EventsForAsync(carol.Id));
    }

    [Fact]
    public async Task Update_AnswersAMalformedBody_WithAProblem()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", alice.Client.Token);

        var response = await http.PatchAsync($"chats/{alice.Ref}",
            new StringContent("""{"name": 7}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
