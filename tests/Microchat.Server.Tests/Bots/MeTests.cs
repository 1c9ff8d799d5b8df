using Microchat.Client;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Bots;

/// <summary><c>GET /api/me</c>: who the caller is, for users, bots and site administrators.</summary>
public sealed class MeTests
{
    [Fact]
    public async Task Me_IsTheCallersOwnChatDetails_PlusSiteAdmin()
    {
        await using var host = new MicrochatHost(new Dictionary<string, string?> { ["Microchat:Administrators:0"] = "root" });
        var alice = await host.SignUpAsync(surname: "Liddell");
        var root = await host.SignUpAsync("root");
        var bot = await host.CreateBotAsync(alice);

        var me = await alice.Client.GetMeAsync();
        var own = await alice.Client.Chats.GetAsync(alice.Ref);
        Assert.Equal(Me.From(own, siteAdmin: false), me with { CommonConferences = own.CommonConferences });
        Assert.True((await root.Client.GetMeAsync()).SiteAdmin);

        var botMe = await bot.Client.GetMeAsync();
        Assert.Equal((bot.Id, bot.Alias, EntityType.Bot, "Test bot", alice.Id, false),
            (botMe.Id, botMe.Alias, botMe.Type, botMe.Title, botMe.Owner!.Id, botMe.SiteAdmin));
    }

    [Fact]
    public async Task Me_WithoutAToken_IsA401()
    {
        await using var host = new MicrochatHost();
        var refusal = await Assert.ThrowsAsync<MicrochatApiException>(() => host.Anonymous().GetMeAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refusal.StatusCode);
    }
}
