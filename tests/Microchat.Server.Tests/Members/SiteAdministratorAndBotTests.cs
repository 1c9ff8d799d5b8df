using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Members;

/// <summary>
/// Site administrators hold no power inside conferences but deletion; bots are members like users,
/// holding exactly the flags they are given.
/// </summary>
public sealed class SiteAdministratorAndBotTests
{
    private static readonly Dictionary<string, string?> RootIsAdministrator = new() { ["Microchat:Administrators:0"] = "root" };

    [Fact]
    public async Task ASiteAdministrator_IsAStrangerToConferencesTheyAreNotIn()
    {
        await using var host = new MicrochatHost(RootIsAdministrator);
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var root = await host.SignUpAsync("root");
        var open = await owner.CreateConferenceAsync();
        var hidden = await owner.CreateConferenceAsync(isPrivate: true);
        await member.JoinAsync(open);
        await owner.AddAsync(hidden, member);

        Assert.Equal(Permissions.ReadOnly, (await root.Client.Chats.GetAsync(open)).Permissions);
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => root.Client.Conferences.GetDefaultPermissionsAsync(open));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => root.Client.Conferences.UpdateDefaultPermissionsAsync(open, new PermissionsPatch(Send: false)));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => root.Client.Members.RemoveAsync(open, member.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => root.Client.Members.UpdatePermissionsAsync(open, member.Ref, new PermissionsPatch(Send: false)));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => root.Client.Chats.UpdateAsync(open, new UpdateChatRequest(Title: "Mine")));

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => root.Client.Chats.GetAsync(hidden));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => root.Client.Members.ListAsync(hidden));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => root.JoinAsync(hidden));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => root.Client.Members.RemoveAsync(hidden, member.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => root.Client.Conferences.GetDefaultPermissionsAsync(hidden));

        Assert.Equal(2, (await owner.Client.Chats.GetAsync(hidden)).MemberCount);
        Assert.Equal(Permissions.Participant, await owner.Client.Members.GetPermissionsAsync(open, member.Ref));
    }

    [Fact]
    public async Task ABotMember_HoldsOnlyWhatItIsGiven()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var newcomer = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(owner);
        var conference = await owner.CreateConferenceAsync(isPrivate: true);
        await owner.AddAsync(conference, member);
        await owner.AddAsync(conference, bot);

        Assert.Equal(Permissions.Participant, await bot.Client.Conferences.GetDefaultPermissionsAsync(conference));
        Assert.Equal(3, (await bot.Client.Members.ListAsync(conference)).Count);
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bot.AddAsync(conference, newcomer));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bot.Client.Members.RemoveAsync(conference, member.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => bot.Client.Members.UpdatePermissionsAsync(conference, member.Ref, new PermissionsPatch(Send: false)));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => bot.Client.Conferences.UpdateDefaultPermissionsAsync(conference, new PermissionsPatch(Send: false)));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bot.Client.Chats.UpdateAsync(conference, new UpdateChatRequest(Title: "Bots")));

        await owner.Client.Members.UpdatePermissionsAsync(conference, bot.Ref, new PermissionsPatch(Admin: true, RemoveUser: true, EditConference: true));
        await bot.Client.Members.UpdatePermissionsAsync(conference, member.Ref, new PermissionsPatch(Send: false));
        await bot.Client.Chats.UpdateAsync(conference, new UpdateChatRequest(Title: "Run by a bot"));
        await bot.Client.Members.RemoveAsync(conference, member.Ref);
        await bot.Client.Members.RemoveAsync(conference, bot.Ref);

        Assert.Equal([owner.Id], (await owner.Client.Members.ListAsync(conference)).Select(m => m.Entity.Id));
        Assert.Equal("Run by a bot", (await owner.Client.Chats.GetAsync(conference)).Title);
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => bot.Client.Chats.GetAsync(conference));
    }
}
