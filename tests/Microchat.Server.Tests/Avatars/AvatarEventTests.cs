using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Server.Tests.Media;
using Xunit;

namespace Microchat.Server.Tests.Avatars;

public sealed class AvatarEventTests
{
    private static async Task<string> PhotoAsync(SignedIn user) =>
        (await user.Client.Media.UploadAsync(new MemoryStream(TestFiles.Png), "image/png")).Id;

    [Fact]
    public async Task AUsersNewAvatar_GoesToThemAndEveryoneWithADialog_AsThatUsersChat()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var carol = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        await host.DialogAsync(bob.Id, alice.Id);
        await host.DialogAsync(alice.Id, carol.Id);

        var avatar = await alice.Client.Avatars.SetAsync(alice.Ref, await PhotoAsync(alice));

        foreach (var recipient in new[] { alice, bob, carol })
        {
            var (name, data) = Assert.Single(await host.EventsOfAsync(recipient.Id));
            Assert.Equal(EventNames.AvatarChanged, name);
            Assert.Equal(alice.Id, data.GetProperty("chat").GetProperty("id").GetInt64());
            Assert.Equal(avatar.Media.Id, data.GetProperty("chat").GetProperty("avatar").GetProperty("id").GetString());
        }
        Assert.Empty(await host.EventsOfAsync(stranger.Id));
    }

    [Fact]
    public async Task ADeletedAvatar_IsAnnouncedToo_WithTheAvatarNowCurrent()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        await host.DialogAsync(bob.Id, alice.Id);
        var avatar = await alice.Client.Avatars.SetAsync(alice.Ref, await PhotoAsync(alice));

        await alice.Client.Avatars.DeleteAsync(alice.Ref, avatar.Id);

        var events = await host.EventsOfAsync(bob.Id);
        Assert.Equal([EventNames.AvatarChanged, EventNames.AvatarChanged], events.Select(e => e.Name));
        Assert.Equal(System.Text.Json.JsonValueKind.Null,
            events[1].Data.GetProperty("chat").TryGetProperty("avatar", out var current) ? current.ValueKind : System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task ABotsNewAvatar_GoesToTheBotAndItsDialogs()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var user = await host.SignUpAsync();
        var (bot, _) = await host.BotAsync(owner);
        await host.DialogAsync(user.Id, bot.Id);

        await owner.Client.Avatars.SetAsync("@" + bot.Alias, await PhotoAsync(owner));

        Assert.Equal(bot.Id, Assert.Single(await host.EventsOfAsync(user.Id)).Data.GetProperty("chat").GetProperty("id").GetInt64());
        Assert.Single(await host.EventsOfAsync(bot.Id));
        Assert.Empty(await host.EventsOfAsync(owner.Id));
    }

    [Fact]
    public async Task AConferencesNewAvatar_GoesToItsMembers_AsTheConference()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var outsider = await host.SignUpAsync();
        var conference = await host.ConferenceAsync(owner);
        await host.JoinAsync(conference, member.Id);

        await owner.Client.Avatars.SetAsync("@" + conference.Alias, await PhotoAsync(owner));

        foreach (var recipient in new[] { owner, member })
        {
            var (name, data) = Assert.Single(await host.EventsOfAsync(recipient.Id));
            Assert.Equal(EventNames.AvatarChanged, name);
            Assert.Equal(conference.Id, data.GetProperty("chat").GetProperty("id").GetInt64());
        }
        Assert.Empty(await host.EventsOfAsync(outsider.Id));
    }
}
