using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Server.Tests.Media;
using Xunit;

namespace Microchat.Server.Tests.Avatars;

public sealed class AvatarTests
{
    private static async Task<string> PhotoAsync(SignedIn user) =>
        (await user.Client.Media.UploadAsync(new MemoryStream(TestFiles.Png), "image/png", "me.png")).Id;

    private static MicrochatHost AdminHost() => new(new Dictionary<string, string?> { ["Microchat:Administrators:0"] = "root" });

    [Fact]
    public async Task Set_BySelf_Is201_AndTheNewestIsListedFirst()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var firstPhoto = await PhotoAsync(alice);
        var secondPhoto = (await alice.Client.Media.UploadAsync(new MemoryStream(TestFiles.WebP), "image/webp")).Id;

        var first = await alice.Client.Avatars.SetAsync(alice.Ref, firstPhoto);
        var second = await alice.Client.Avatars.SetAsync("@" + alice.Alias.ToUpperInvariant(), secondPhoto);

        Assert.Equal(firstPhoto, first.Media.Id);
        Assert.True(second.Id > first.Id);
        var list = await alice.Client.Avatars.ListAsync(alice.Ref);
        Assert.Equal([second.Id, first.Id], list.Select(a => a.Id));
        Assert.Equal(second, list[0]);
        Assert.Equal([first.Id], (await alice.Client.Avatars.ListAsync(alice.Id.ToString(), offset: 1, count: 5)).Select(a => a.Id));
    }

    [Fact]
    public async Task Set_AnswersWithALocation()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        using var http = UploadTests.Authorized(host, alice);

        var response = await http.PostAsync($"chats/{alice.Ref}/avatars",
            new StringContent($"{{\"media_id\":\"{await PhotoAsync(alice)}\"}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches($"^/api/chats/@{alice.Alias}/avatars/\\d+$", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheCurrentAvatar_ShowsInSummaries()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        await alice.Client.Contacts.AddAsync(new AddContactRequest(bob.Alias));
        var photo = await PhotoAsync(bob);

        var avatar = await bob.Client.Avatars.SetAsync(bob.Ref, photo);

        Assert.Equal(avatar.Media, (await alice.Client.Contacts.GetAsync(bob.Ref)).User.Avatar);
        await bob.Client.Avatars.DeleteAsync(bob.Ref, avatar.Id);
        Assert.Null((await alice.Client.Contacts.GetAsync(bob.Ref)).User.Avatar);
    }

    [Fact]
    public async Task AnyoneMaySeeAUsersOrBotsAvatars()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(alice);
        await alice.Client.Avatars.SetAsync(alice.Ref, await PhotoAsync(alice));
        await alice.Client.Avatars.SetAsync(bot.Ref, await PhotoAsync(alice));

        Assert.Single(await bob.Client.Avatars.ListAsync(alice.Ref));
        Assert.Single(await bob.Client.Avatars.ListAsync(bot.Ref));
        Assert.Single(await bot.Client.Avatars.ListAsync(alice.Ref));
    }

    [Fact]
    public async Task Set_IsRefused_ForSomeoneElse_With403()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(bob);
        var photo = await PhotoAsync(bob);

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bob.Client.Avatars.SetAsync(alice.Ref, photo));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bot.Client.Avatars.SetAsync(alice.Ref, photo));
        Assert.Empty(await alice.Client.Avatars.ListAsync(alice.Ref));
    }

    [Fact]
    public async Task ABotsAvatar_IsSetByItsOwner_AndNoOneElse_NotEvenTheBot()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(owner);
        var botRef = bot.Ref;
        var botClient = bot.Client;
        var photo = await PhotoAsync(owner);

        var byOwner = await owner.Client.Avatars.SetAsync(botRef, photo);
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => botClient.Avatars.SetAsync(bot.Id.ToString(), photo));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => botClient.Avatars.DeleteAsync(botRef, byOwner.Id));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => stranger.Client.Avatars.SetAsync(botRef, photo));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => stranger.Client.Avatars.DeleteAsync(botRef, byOwner.Id));

        Assert.Equal([byOwner.Id], (await stranger.Client.Avatars.ListAsync(botRef)).Select(a => a.Id));
        await owner.Client.Avatars.DeleteAsync(botRef, byOwner.Id);
        Assert.Empty(await botClient.Avatars.ListAsync(botRef));
    }

    [Fact]
    public async Task AConferencesAvatar_IsSetByEditConferenceHolders_Only()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var editor = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var outsider = await host.SignUpAsync();
        var reference = await owner.CreateConferenceAsync();
        await owner.AddAsync(reference, editor);
        await owner.Client.Members.UpdatePermissionsAsync(reference, editor.Ref, new PermissionsPatch(EditConference: true));
        await owner.AddAsync(reference, member);
        var photo = await PhotoAsync(owner);

        var byOwner = await owner.Client.Avatars.SetAsync(reference, photo);
        var byEditor = await editor.Client.Avatars.SetAsync(reference, photo);
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => member.Client.Avatars.SetAsync(reference, photo));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => outsider.Client.Avatars.SetAsync(reference, photo));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => member.Client.Avatars.DeleteAsync(reference, byOwner.Id));

        Assert.Equal([byEditor.Id, byOwner.Id], (await outsider.Client.Avatars.ListAsync(reference)).Select(a => a.Id));
        await editor.Client.Avatars.DeleteAsync(reference, byOwner.Id);
        Assert.Single(await member.Client.Avatars.ListAsync(reference));
    }

    [Fact]
    public async Task APrivateConferencesAvatars_Are404_ToNonMembers()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var outsider = await host.SignUpAsync();
        var reference = await owner.CreateConferenceAsync(isPrivate: true);
        await owner.AddAsync(reference, member);
        var avatar = await owner.Client.Avatars.SetAsync(reference, await PhotoAsync(owner));

        Assert.Single(await member.Client.Avatars.ListAsync(reference));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => outsider.Client.Avatars.ListAsync(reference));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => outsider.Client.Avatars.SetAsync(reference, avatar.Media.Id));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => outsider.Client.Avatars.DeleteAsync(reference, avatar.Id));
        Assert.Single(await owner.Client.Avatars.ListAsync(reference));
    }

    [Fact]
    public async Task Set_RefusesAnythingButAnUploadedPhoto_With400OnMediaId()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var gif = (await alice.Client.Media.UploadAsync(new MemoryStream(TestFiles.Gif), "image/gif")).Id;
        var svg = (await alice.Client.Media.UploadAsync(new MemoryStream(TestFiles.Svg), "image/svg+xml")).Id;
        var text = (await alice.Client.Media.UploadAsync(new MemoryStream(TestFiles.Text("hello")), "text/plain")).Id;

        foreach (var mediaId in new[] { gif, svg, text, "AAAAAAAAAAAAAAAAAAAAAA", "", "   ", new string('x', 2_000) })
            await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Avatars.SetAsync(alice.Ref, mediaId), "media_id");

        Assert.Empty(await alice.Client.Avatars.ListAsync(alice.Ref));
    }

    [Fact]
    public async Task Set_WithoutAMediaId_Is400()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        using var http = UploadTests.Authorized(host, alice);

        var response = await http.PostAsync($"chats/{alice.Ref}/avatars", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        await UploadTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "media_id");
    }

    [Fact]
    public async Task UnknownAndMalformedChats_Are404And400()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var photo = await PhotoAsync(alice);

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Avatars.ListAsync("@nobody_here"));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Avatars.ListAsync("999999"));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Avatars.SetAsync("@nobody_here", photo));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Avatars.DeleteAsync("@nobody_here", 1));
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Avatars.ListAsync("@1x"), "chat");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Avatars.ListAsync("alice"), "chat");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Avatars.SetAsync("-3", photo), "chat");
    }

    [Theory]
    [InlineData(-1, null, "offset")]
    [InlineData(null, 0, "count")]
    [InlineData(null, 101, "count")]
    public async Task List_RefusesOutOfRangePaging(int? offset, int? count, string field)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Avatars.ListAsync(alice.Ref, offset, count), field);
    }

    [Fact]
    public async Task Delete_BySelf_Is204_AndThePreviousBecomesCurrent()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var first = await alice.Client.Avatars.SetAsync(alice.Ref, await PhotoAsync(alice));
        var second = await alice.Client.Avatars.SetAsync(alice.Ref, await PhotoAsync(alice));

        await alice.Client.Avatars.DeleteAsync(alice.Ref, second.Id);

        Assert.Equal([first.Id], (await alice.Client.Avatars.ListAsync(alice.Ref)).Select(a => a.Id));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Avatars.DeleteAsync(alice.Ref, second.Id));
    }

    [Fact]
    public async Task Delete_IsRefused_ForAnotherUser_AndForAnotherEntitysAvatarId()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var alices = await alice.Client.Avatars.SetAsync(alice.Ref, await PhotoAsync(alice));

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bob.Client.Avatars.DeleteAsync(alice.Ref, alices.Id));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bob.Client.Avatars.DeleteAsync(bob.Ref, alices.Id));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Avatars.DeleteAsync(alice.Ref, 987654));

        Assert.Single(await alice.Client.Avatars.ListAsync(alice.Ref));
    }

    [Fact]
    public async Task Delete_WithAMalformedId_Is400Problem()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        using var http = UploadTests.Authorized(host, alice);

        var response = await http.DeleteAsync($"chats/{alice.Ref}/avatars/abc");

        await UploadTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SiteAdministrators_MayDeleteAnyAvatar_ButNotSetOne()
    {
        await using var host = AdminHost();
        var root = await host.SignUpAsync("root");
        var alice = await host.SignUpAsync();
        var confRef = await alice.CreateConferenceAsync(isPrivate: true);
        var photo = await PhotoAsync(alice);
        var alices = await alice.Client.Avatars.SetAsync(alice.Ref, photo);
        var conferences = await alice.Client.Avatars.SetAsync(confRef, photo);

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => root.Client.Avatars.SetAsync(alice.Ref, photo));
        await root.Client.Avatars.DeleteAsync(alice.Ref, alices.Id);
        await root.Client.Avatars.DeleteAsync(confRef, conferences.Id);
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => root.Client.Avatars.DeleteAsync(alice.Ref, alices.Id));

        Assert.Empty(await alice.Client.Avatars.ListAsync(alice.Ref));
        Assert.Empty(await alice.Client.Avatars.ListAsync(confRef));
    }

    [Fact]
    public async Task Avatars_AreRefusedToAnonymousCallers_With401()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var anonymous = host.Anonymous();

        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => anonymous.Avatars.ListAsync(alice.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => anonymous.Avatars.SetAsync(alice.Ref, "x"));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => anonymous.Avatars.DeleteAsync(alice.Ref, 1));
    }
}
