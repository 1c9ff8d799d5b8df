using System.Text.Json;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Server.Tests.Media;
using Microchat.Storage;
using Xunit;

namespace Microchat.Server.Tests.Avatars;

public sealed class AvatarEventTests
{
    private static async Task<string> PhotoAsync(SignedIn user) =>
        (await user.Client.Media.UploadAsync(new MemoryStream(TestFiles.Png), "image/png")).Id;

    /// <summary>The <c>avatar_changed</c> events a recipient got, their data parsed.</summary>
    private static async Task<IReadOnlyList<JsonElement>> AvatarEventsAsync(MicrochatHost host, long recipientId) =>
        (await host.EventsForAsync(recipientId))
            .Where(e => e.Name == EventNames.AvatarChanged)
            .Select(e => JsonDocument.Parse(e.Data).RootElement.Clone())
            .ToList();

    private static long ChatId(JsonElement data) => data.GetProperty("chat").GetProperty("id").GetInt64();

    [Fact]
    public async Task AUsersNewAvatar_GoesToThemAndEveryoneWithADialog_AsThatUsersChat()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var carol = await host.SignUpAsync();
        var stranger = await host.SignUpAsync();
        await host.AppendMessageAsync(ChatKey.Dialog(bob.Id, alice.Id), bob.Id);
        await host.AppendMessageAsync(ChatKey.Dialog(alice.Id, carol.Id), alice.Id);

        var avatar = await alice.Client.Avatars.SetAsync(alice.Ref, await PhotoAsync(alice));

        foreach (var recipient in new[] { alice, bob, carol })
        {
            var data = Assert.Single(await AvatarEventsAsync(host, recipient.Id));
            Assert.Equal(alice.Id, ChatId(data));
            Assert.Equal(avatar.Media.Id, data.GetProperty("chat").GetProperty("avatar").GetProperty("id").GetString());
        }
        Assert.Empty(await host.EventsForAsync(stranger.Id));
    }

    [Fact]
    public async Task ADeletedAvatar_IsAnnouncedToo_WithTheAvatarNowCurrent()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        await host.AppendMessageAsync(ChatKey.Dialog(bob.Id, alice.Id), bob.Id);
        var avatar = await alice.Client.Avatars.SetAsync(alice.Ref, await PhotoAsync(alice));

        await alice.Client.Avatars.DeleteAsync(alice.Ref, avatar.Id);

        var events = await AvatarEventsAsync(host, bob.Id);
        Assert.Equal(2, events.Count);
        Assert.Equal(JsonValueKind.Null,
            events[1].GetProperty("chat").TryGetProperty("avatar", out var current) ? current.ValueKind : JsonValueKind.Null);
    }

    [Fact]
    public async Task ABotsNewAvatar_GoesToTheBotAndItsDialogs()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var user = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(owner);
        await host.AppendMessageAsync(ChatKey.Dialog(user.Id, bot.Id), user.Id);

        await owner.Client.Avatars.SetAsync(bot.Ref, await PhotoAsync(owner));

        Assert.Equal(bot.Id, ChatId(Assert.Single(await AvatarEventsAsync(host, user.Id))));
        Assert.Single(await AvatarEventsAsync(host, bot.Id));
        Assert.Empty(await AvatarEventsAsync(host, owner.Id));
    }

    [Fact]
    public async Task AConferencesNewAvatar_GoesToItsMembers_AsTheConference()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var member = await host.SignUpAsync();
        var outsider = await host.SignUpAsync();
        var conference = await owner.Client.Conferences.CreateAsync(new CreateConferenceRequest(TestUsers.UniqueAlias("conf"), "Team"));
        await owner.AddAsync("@" + conference.Alias, member);

        await owner.Client.Avatars.SetAsync("@" + conference.Alias, await PhotoAsync(owner));

        foreach (var recipient in new[] { owner, member })
            Assert.Equal(conference.Id, ChatId(Assert.Single(await AvatarEventsAsync(host, recipient.Id))));
        Assert.Empty(await host.EventsForAsync(outsider.Id));
    }
}
