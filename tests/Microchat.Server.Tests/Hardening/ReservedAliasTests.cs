using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using static Microchat.Server.Tests.Hardening.HardeningHttp;

namespace Microchat.Server.Tests.Hardening;

/// <summary>Administrator aliases are reserved: registering one needs Microchat-Setup-Key; nobody else can squat them.</summary>
public sealed class ReservedAliasTests
{
    private const string Key = "a-setup-key-long-enough-1234";

    private static MicrochatHost HostWithAdmin(string? setupKey = Key)
    {
        // Null replaces the test kit's default key with none: the host then makes one.
        return new MicrochatHost(new Dictionary<string, string?> { ["Microchat:Administrators:0"] = "root", ["Microchat:SetupKey"] = setupKey });
    }

    [Fact]
    public async Task SquattingTheAdministratorAlias_IsRefused_AndTheStrangerCannotDeleteOthers()
    {
        await using var host = HostWithAdmin();
        var victim = await host.SignUpAsync();
        var http = host.CreateHttpClient();

        using var plain = await http.SendAsync(Json(HttpMethod.Post, "users", """{"alias":"root","password":"squatter pass","name":"Root"}"""));
        using var otherCase = await http.SendAsync(Json(HttpMethod.Post, "users", """{"alias":"ROOT","password":"squatter pass","name":"Root"}"""));
        var wrongKey = Json(HttpMethod.Post, "users", """{"alias":"root","password":"squatter pass","name":"Root"}""");
        wrongKey.Headers.Add("Microchat-Setup-Key", "guessed-key-guessed-key");
        using var guessed = await http.SendAsync(wrongKey);
        using var login = await http.SendAsync(Json(HttpMethod.Post, "auth/tokens", """{"login":"root","password":"squatter pass"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, plain.StatusCode);
        Assert.Contains("Microchat-Setup-Key", (await ProblemAsync(plain)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, otherCase.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, guessed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(victim.Alias, (await victim.Client.Chats.GetAsync(victim.Ref)).Alias);
    }

    [Fact]
    public async Task TheAdministrator_RegistersWithTheSetupKey_AndIsASiteAdmin()
    {
        await using var host = HostWithAdmin();
        var request = Json(HttpMethod.Post, "users", """{"alias":"root","password":"the admin pass","name":"Root"}""");
        request.Headers.Add("Microchat-Setup-Key", Key);

        var bob = await host.SignUpAsync();
        using var created = await host.CreateHttpClient().SendAsync(request);
        var admin = host.Anonymous();
        await admin.Auth.LoginAsync(new CreateTokenRequest("root", "the admin pass"));
        await admin.Chats.DeleteAsync(bob.Ref);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => bob.Client.Chats.GetAsync(bob.Ref));
    }

    [Fact]
    public async Task ABotOrConference_CannotTakeAnAdministratorAlias()
    {
        await using var host = HostWithAdmin();
        var alice = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => alice.Client.Bots.CreateAsync(new CreateBotRequest("Root", "Fake root")));
        await ApiAssert.RefusedAsync(HttpStatusCode.Forbidden, () => alice.Client.Conferences.CreateAsync(new CreateConferenceRequest("root", "Fake root")));
    }

    [Fact]
    public async Task WithoutAConfiguredKey_ARandomOne_IsLoggedOnceAtWarning_AndWorks()
    {
        var logs = new CapturedLogs();
        await using var host = HostWithAdmin(setupKey: null);
        await using var logged = host.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var http = logged.CreateClient();
        http.BaseAddress = new Uri(http.BaseAddress!, "/api/");

        var announcements = logs.Entries.Where(e => e.Text.Contains("Microchat-Setup-Key", StringComparison.Ordinal)).ToList();
        var entry = Assert.Single(announcements);
        Assert.Equal(LogLevel.Warning, entry.Level);
        var key = entry.Text.Split("SetupKey=")[1].Split(';')[0].Trim();
        Assert.True(key.Length >= 16);
        using var refused = await http.SendAsync(Json(HttpMethod.Post, "users", """{"alias":"root","password":"the admin pass","name":"Root"}"""));
        var request = Json(HttpMethod.Post, "users", """{"alias":"root","password":"the admin pass","name":"Root"}""");
        request.Headers.Add("Microchat-Setup-Key", key);
        using var created = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task NoKeyIsLogged_WhenEveryAdministratorHasAnAccount_OrAKeyIsConfigured()
    {
        var logs = new CapturedLogs();
        await using var host = HostWithAdmin();
        await using var logged = host.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        _ = logged.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHost>();

        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains(Key, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains("have no account yet", StringComparison.Ordinal));
    }
}
