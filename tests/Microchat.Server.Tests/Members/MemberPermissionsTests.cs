using System.Net;
using System.Text.Json;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Members;

public sealed class MemberPermissionsTests
{
    private sealed record Cast(MicrochatHost Host, string Conference, SignedIn Owner, SignedIn Admin, SignedIn Member, SignedIn Other, SignedIn Stranger);

    // A public conference with an owner, an admin (granted by the owner), and two plain members.
    private static async Task<Cast> CastAsync(MicrochatHost host)
    {
        var owner = await host.SignUpAsync();
        var admin = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var other = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        var conference = await owner.CreateConferenceAsync();
        foreach (var who in new[] { admin, member, other }) await who.JoinAsync(conference);
        await owner.Client.Members.UpdatePermissionsAsync(conference, admin.Ref, new PermissionsPatch(Admin: true));
        return new Cast(host, conference, owner, admin, member, other, stranger);
    }

    [Fact]
    public async Task Get_ShowsEachMembersFlags_TheOwnerHoldingEvery()
    {
        await using var host = new MicrochatHost();
        var c = await CastAsync(host);

        Assert.Equal(Permissions.All, await c.Member.Client.Members.GetPermissionsAsync(c.Conference, c.Owner.Ref));
        Assert.Equal(Permissions.Participant with { Admin = true }, await c.Member.Client.Members.GetPermissionsAsync(c.Conference, c.Admin.Ref));
        Assert.Equal(Permissions.Participant, await c.Member.Client.Members.GetPermissionsAsync(c.Conference, c.Other.Id.ToString()));
    }

    [Fact]
    public async Task Get_IsForMembers_403ForAPublicReader_404ForAPrivateStranger_404ForANonMember()
    {
        await using var host = new MicrochatHost();
        var c = await CastAsync(host);
        var hidden = await c.Owner.CreateConferenceAsync(isPrivate: true);

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => c.Stranger.Client.Members.GetPermissionsAsync(c.Conference, c.Owner.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => c.Stranger.Client.Members.GetPermissionsAsync(hidden, c.Owner.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => c.Member.Client.Members.GetPermissionsAsync(c.Conference, c.Stranger.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Members.GetPermissionsAsync(c.Conference, c.Owner.Ref));
    }

    [Fact]
    public async Task Update_ByTheOwner_ChangesOnlyTheFlagsGiven()
    {
        await using var host = new MicrochatHost();
        var c = await CastAsync(host);

        var flags = await c.Owner.Client.Members.UpdatePermissionsAsync(c.Conference, c.Member.Ref, new PermissionsPatch(Send: false, Delete: true));

        Assert.Equal(Permissions.Participant with { Send = false, Delete = true }, flags);
        Assert.Equal(flags, await c.Member.Client.Members.GetPermissionsAsync(c.Conference, c.Member.Ref));
        Assert.Equal(flags, (await c.Member.Client.Chats.GetAsync(c.Conference)).Permissions);
    }

    [Fact]
    public async Task Update_ByAnAdmin_ChangesOthersButNotAdmin()
    {
        await using var host = new MicrochatHost();
        var c = await CastAsync(host);

        var flags = await c.Admin.Client.Members.UpdatePermissionsAsync(c.Conference, c.Member.Ref, new PermissionsPatch(RemoveUser: true, Admin: false));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => c.Admin.Client.Members.UpdatePermissionsAsync(c.Conference, c.Other.Ref, new PermissionsPatch(Admin: true)));

        Assert.Equal(Permissions.Participant with { RemoveUser = true }, flags);
        Assert.False((await c.Owner.Client.Members.GetPermissionsAsync(c.Conference, c.Other.Ref)).Admin);
    }

    [Fact]
    public async Task Update_ByAnAdmin_CannotTakeAdminFromAnotherAdmin_ButMayChangeTheirOtherFlags()
    {
        await using var host = new MicrochatHost();
        var c = await CastAsync(host);
        await c.Owner.Client.Members.UpdatePermissionsAsync(c.Conference, c.Other.Ref, new PermissionsPatch(Admin: true));

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => c.Admin.Client.Members.UpdatePermissionsAsync(c.Conference, c.Other.Ref, new PermissionsPatch(Admin: false)));
        var flags = await c.Admin.Client.Members.UpdatePermissionsAsync(c.Conference, c.Other.Ref, new PermissionsPatch(SendMedia: false));

        Assert.Equal(Permissions.Participant with { SendMedia = false, Admin = true }, flags);
    }

    [Fact]
    public async Task Update_NeverTouchesTheOwner_NorTheAdminsOwnFlags()
    {
        await using var host = new MicrochatHost();
        var c = await CastAsync(host);

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => c.Admin.Client.Members.UpdatePermissionsAsync(c.Conference, c.Owner.Ref, new PermissionsPatch(Send: false)));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => c.Owner.Client.Members.UpdatePermissionsAsync(c.Conference, c.Owner.Ref, new PermissionsPatch(Send: false)));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => c.Admin.Client.Members.UpdatePermissionsAsync(c.Conference, c.Admin.Ref, new PermissionsPatch(Delete: true)));

        Assert.Equal(Permissions.All, await c.Owner.Client.Members.GetPermissionsAsync(c.Conference, c.Owner.Ref));
        Assert.Equal(Permissions.Participant with { Admin = true }, await c.Owner.Client.Members.GetPermissionsAsync(c.Conference, c.Admin.Ref));
    }

    [Fact]
    public async Task Update_IsRefused_ToPlainMembersEvenWithEveryOtherFlag_AndToStrangers()
    {
        await using var host = new MicrochatHost();
        var c = await CastAsync(host);
        await c.Owner.Client.Members.UpdatePermissionsAsync(c.Conference, c.Member.Ref,
            new PermissionsPatch(Delete: true, AddUser: true, RemoveUser: true, EditConference: true));
        var hidden = await c.Owner.CreateConferenceAsync(isPrivate: true);

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => c.Member.Client.Members.UpdatePermissionsAsync(c.Conference, c.Other.Ref, new PermissionsPatch(Send: false)));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => c.Stranger.Client.Members.UpdatePermissionsAsync(c.Conference, c.Other.Ref, new PermissionsPatch(Send: false)));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound,
            () => c.Stranger.Client.Members.UpdatePermissionsAsync(hidden, c.Owner.Ref, new PermissionsPatch(Send: false)));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized,
            () => host.Anonymous().Members.UpdatePermissionsAsync(c.Conference, c.Other.Ref, new PermissionsPatch(Send: false)));

        Assert.Equal(Permissions.Participant, await c.Owner.Client.Members.GetPermissionsAsync(c.Conference, c.Other.Ref));
    }

    [Fact]
    public async Task Update_ANonMember_Is404()
    {
        await using var host = new MicrochatHost();
        var c = await CastAsync(host);

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound,
            () => c.Owner.Client.Members.UpdatePermissionsAsync(c.Conference, c.Stranger.Ref, new PermissionsPatch(Send: false)));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound,
            () => c.Owner.Client.Members.UpdatePermissionsAsync(c.Conference, "@nobody_here", new PermissionsPatch(Send: false)));
    }

    [Fact]
    public async Task Revoking_Admin_TakesAwayTheRightToChangeOthers()
    {
        await using var host = new MicrochatHost();
        var c = await CastAsync(host);

        await c.Owner.Client.Members.UpdatePermissionsAsync(c.Conference, c.Admin.Ref, new PermissionsPatch(Admin: false));

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => c.Admin.Client.Members.UpdatePermissionsAsync(c.Conference, c.Member.Ref, new PermissionsPatch(Send: false)));
        Assert.Equal(MemberRole.Member, (await c.Owner.Client.Members.GetAsync(c.Conference, c.Admin.Ref)).Role);
    }

    [Fact]
    public async Task Update_PublishesPermissionsChanged_WithTheMember_ToTheMembers()
    {
        await using var host = new MicrochatHost();
        var c = await CastAsync(host);

        await c.Owner.Client.Members.UpdatePermissionsAsync(c.Conference, c.Member.Ref, new PermissionsPatch(Send: false));

        var changes = (await host.EventsForAsync(c.Other.Id)).Where(e => e.Name == EventNames.PermissionsChanged).ToList();
        Assert.Equal(2, changes.Count); // the admin's promotion, then this
        using var data = JsonDocument.Parse(changes[^1].Data);
        Assert.Equal(c.Member.Id, data.RootElement.GetProperty("member").GetProperty("member").GetProperty("id").GetInt64());
        Assert.Equal("member", data.RootElement.GetProperty("member").GetProperty("role").GetString());
        Assert.False(data.RootElement.GetProperty("permissions").GetProperty("send").GetBoolean());
        Assert.DoesNotContain(EventNames.PermissionsChanged, await host.EventNamesForAsync(c.Stranger.Id));
    }
}
