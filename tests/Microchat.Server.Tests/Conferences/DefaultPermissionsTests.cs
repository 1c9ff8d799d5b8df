using System.Net;
using System.Text.Json;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Conferences;

public sealed class DefaultPermissionsTests
{
    [Fact]
    public async Task Defaults_AreShownToEveryMember()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();
        await member.JoinAsync(conference);

        Assert.Equal(Permissions.Participant, await member.Client.Conferences.GetDefaultPermissionsAsync(conference));
    }

    [Fact]
    public async Task Defaults_AreRefused_ToNonMembers_403WhenPublic_404WhenPrivate_401Anonymous()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var open = await owner.CreateConferenceAsync();
        var hidden = await owner.CreateConferenceAsync(isPrivate: true);

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => stranger.Client.Conferences.GetDefaultPermissionsAsync(open));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => stranger.Client.Conferences.GetDefaultPermissionsAsync(hidden));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Conferences.GetDefaultPermissionsAsync(open));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => stranger.Client.Conferences.UpdateDefaultPermissionsAsync(open, new PermissionsPatch(Send: false)));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound,
            () => stranger.Client.Conferences.UpdateDefaultPermissionsAsync(hidden, new PermissionsPatch(Send: false)));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized,
            () => host.Anonymous().Conferences.UpdateDefaultPermissionsAsync(open, new PermissionsPatch(Send: false)));
    }

    [Fact]
    public async Task Defaults_OfADialog_AreNotFound()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Conferences.GetDefaultPermissionsAsync(bob.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound,
            () => alice.Client.Conferences.UpdateDefaultPermissionsAsync(alice.Ref, new PermissionsPatch(Delete: true)));
    }

    [Fact]
    public async Task Update_ChangesOnlyTheFlagsGiven_AndNewMembersStartWithThem()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var newcomer = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();

        var defaults = await owner.Client.Conferences.UpdateDefaultPermissionsAsync(conference, new PermissionsPatch(SendMedia: false, AddUser: true));

        Assert.Equal(Permissions.Participant with { SendMedia = false, AddUser = true }, defaults);
        Assert.Equal(defaults, await owner.Client.Conferences.GetDefaultPermissionsAsync(conference));
        await newcomer.JoinAsync(conference);
        Assert.Equal(defaults, await newcomer.Client.Members.GetPermissionsAsync(conference, newcomer.Ref));
    }

    [Fact]
    public async Task Update_IsForEditConferenceHolders_NotPlainMembersOrAdminsWithoutIt()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var editor = await host.SignUpAsync();
        var admin = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();
        foreach (var who in new[] { editor, admin, member }) await owner.AddAsync(conference, who);
        await owner.Client.Members.UpdatePermissionsAsync(conference, editor.Ref, new PermissionsPatch(EditConference: true));
        await owner.Client.Members.UpdatePermissionsAsync(conference, admin.Ref, new PermissionsPatch(Admin: true));

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => member.Client.Conferences.UpdateDefaultPermissionsAsync(conference, new PermissionsPatch(Delete: true)));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => admin.Client.Conferences.UpdateDefaultPermissionsAsync(conference, new PermissionsPatch(Delete: true)));
        var defaults = await editor.Client.Conferences.UpdateDefaultPermissionsAsync(conference, new PermissionsPatch(Delete: true));

        Assert.True(defaults.Delete);
    }

    [Fact]
    public async Task Update_RefusesAdminAsADefault_With400_AndChangesNothing()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest,
            () => owner.Client.Conferences.UpdateDefaultPermissionsAsync(conference, new PermissionsPatch(Send: false, Admin: true)), "admin");

        Assert.Equal(Permissions.Participant, await owner.Client.Conferences.GetDefaultPermissionsAsync(conference));
        Assert.Equal(Permissions.Participant with { Send = false },
            await owner.Client.Conferences.UpdateDefaultPermissionsAsync(conference, new PermissionsPatch(Send: false, Admin: false)));
    }

    [Fact]
    public async Task Update_PublishesPermissionsChanged_WithoutAMember_ToTheMembers()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();
        await member.JoinAsync(conference);

        await owner.Client.Conferences.UpdateDefaultPermissionsAsync(conference, new PermissionsPatch(Send: false));
        await owner.Client.Conferences.UpdateDefaultPermissionsAsync(conference, new PermissionsPatch(Send: false));

        var changed = Assert.Single(await host.EventsForAsync(member.Id), e => e.Name == EventNames.PermissionsChanged);
        using var data = JsonDocument.Parse(changed.Data);
        Assert.Equal(conference[1..], data.RootElement.GetProperty("chat").GetProperty("alias").GetString());
        Assert.False(data.RootElement.TryGetProperty("member", out _));
        Assert.False(data.RootElement.GetProperty("permissions").GetProperty("send").GetBoolean());
        Assert.Contains(EventNames.PermissionsChanged, await host.EventNamesForAsync(owner.Id));
        Assert.Empty(await host.EventsForAsync(stranger.Id));
    }
}
