using System.Net;
using Microchat.Contracts;
using Microchat.Server.Domain;
using Microchat.Server.Http;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Storage;
using Xunit;

namespace Microchat.Server.Tests.Conferences;

/// <summary>
/// A private conference from creation to a removal, step by step through the client. What each member may
/// read is checked against <see cref="ChatAccess"/>, the one rule the message endpoints apply, with the
/// history written straight to the store.
/// </summary>
public sealed class PrivateConferenceScenarioTests
{
    [Fact]
    public async Task APrivateConference_FromCreationToARemoval()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync("alice");
        var bob = await host.SignUpAsync("bob");
        var carol = await host.SignUpAsync("carol");
        var dave = await host.SignUpAsync("dave");
        var outsider = await host.SignUpAsync("outsider");
        var bot = await host.CreateBotAsync(alice, "helper");

        // Alice creates it and adds two users (by alias and by id) and her bot.
        var created = await alice.Client.Conferences.CreateAsync(new CreateConferenceRequest("project", "Project", Private: true));
        var project = "@project";
        var key = ChatKey.Conference(created.Id);
        await alice.AddAsync(project, bob);
        await alice.Client.Members.AddAsync(project, new AddMemberRequest(Id: carol.Id));
        await alice.AddAsync(project, bot);
        Assert.Equal(4, (await bob.Client.Chats.GetAsync(project)).MemberCount);
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => outsider.Client.Chats.GetAsync(project));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => outsider.JoinAsync(project));

        await host.AppendMessageAsync(key, alice.Id, "one");
        await host.AppendMessageAsync(key, bob.Id, "two");

        // Alice makes Bob an admin; Bob mutes Carol and lets the bot add people, but cannot make anyone admin.
        await alice.Client.Members.UpdatePermissionsAsync(project, bob.Ref, new PermissionsPatch(Admin: true));
        await bob.Client.Members.UpdatePermissionsAsync(project, carol.Ref, new PermissionsPatch(Send: false, SendMedia: false));
        await bob.Client.Members.UpdatePermissionsAsync(project, bot.Ref, new PermissionsPatch(AddUser: true));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => bob.Client.Members.UpdatePermissionsAsync(project, carol.Ref, new PermissionsPatch(Admin: true)));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => bob.Client.Members.UpdatePermissionsAsync(project, alice.Ref, new PermissionsPatch(Send: false)));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden,
            () => carol.Client.Members.UpdatePermissionsAsync(project, bot.Ref, new PermissionsPatch(AddUser: false)));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => carol.AddAsync(project, dave));
        Assert.Equal(Permissions.ReadOnly, (await carol.Client.Chats.GetAsync(project)).Permissions);

        // The bot, holding add_user, brings Dave in after two messages.
        await bot.AddAsync(project, dave);
        await host.AppendMessageAsync(key, bot.Id, "three");

        // Bob, an admin without remove_user, cannot remove Carol until Alice grants it.
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => bob.Client.Members.RemoveAsync(project, carol.Ref));
        await alice.Client.Members.UpdatePermissionsAsync(project, bob.Ref, new PermissionsPatch(RemoveUser: true));
        await bob.Client.Members.RemoveAsync(project, carol.Ref);
        await host.AppendMessageAsync(key, alice.Id, "four");

        // Carol is out: the conference is invisible to her again, and she cannot come back by herself.
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => carol.Client.Chats.GetAsync(project));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => carol.Client.Members.ListAsync(project));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => carol.Client.Conferences.GetDefaultPermissionsAsync(project));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => carol.Client.Members.GetPermissionsAsync(project, alice.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => carol.JoinAsync(project));
        Assert.Equal(EventNames.MemberRemoved, (await host.EventsForAsync(carol.Id))[^1].Name);

        // Who is in, in joining order, and what each holds.
        var members = await bot.Client.Members.ListAsync(project);
        Assert.Equal([(alice.Id, MemberRole.Owner), (bob.Id, MemberRole.Admin), (bot.Id, MemberRole.Member), (dave.Id, MemberRole.Member)],
            members.Select(m => (m.Entity.Id, m.Role)));
        Assert.Equal(Permissions.All, (await alice.Client.Chats.GetAsync(project)).Permissions);
        Assert.Equal(Permissions.Participant with { Admin = true, RemoveUser = true }, (await bob.Client.Chats.GetAsync(project)).Permissions);
        Assert.Equal(Permissions.Participant with { AddUser = true }, (await bot.Client.Chats.GetAsync(project)).Permissions);
        Assert.Equal(Permissions.Participant, (await dave.Client.Chats.GetAsync(project)).Permissions);

        // What each may read: members all of it from when they joined; Carol only her span; the outsider nothing.
        Assert.Equal([1L, 2L, 3L, 4L], await ReadableAsync(host, alice, project));
        Assert.Equal([1L, 2L, 3L, 4L], await ReadableAsync(host, bob, project));
        Assert.Equal([1L, 2L, 3L, 4L], await ReadableAsync(host, bot, project));
        Assert.Equal([3L, 4L], await ReadableAsync(host, dave, project));
        Assert.Null(await host.Service<ChatAccess>().ViewAsync(CallerOf(carol), (await host.Service<IEntityStore>().FindAsync(created.Id, default))!, default));
        Assert.Equal([new MessageSpan(1, 3)], (await host.Service<IMemberStore>().FindAsync(created.Id, carol.Id, default))!.Spans);
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => outsider.Client.Members.ListAsync(project));
    }

    private static Caller CallerOf(SignedIn who) => new(who.Id, who.Profile.Type, 0, false);

    private static async Task<IReadOnlyList<long>> ReadableAsync(MicrochatHost host, SignedIn who, string conference)
    {
        var view = await host.Service<ChatAccess>().ViewAsync(CallerOf(who), conference, default);
        return Enumerable.Range(1, 4).Select(i => (long)i).Where(view.CanRead).ToList();
    }
}
