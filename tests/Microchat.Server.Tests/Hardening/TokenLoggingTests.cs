using System.Net;
using System.Net.Http.Headers;
using Microchat.Server.Tests.Events;
using Microchat.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Microchat.Server.Tests.Hardening;

/// <summary>
/// A token sent as <c>?access_token=</c> reaches no log line whatever the host's levels: a real
/// Kestrel host, every category at Trace, HTTP logging of queries on.
/// </summary>
public sealed class TokenLoggingTests
{
    [Fact]
    public async Task AQueryToken_ReachesNoLogLine_AtTrace_OnTheStream_MediaContent_AndPathsThatRefuseIt()
    {
        var logs = new CapturedLogs();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(logs);
        // Every category at Trace, whatever appsettings.json beside the test says.
        builder.Services.Configure<LoggerFilterOptions>(o =>
        {
            o.Rules.Clear();
            o.MinLevel = LogLevel.Trace;
        });
        // Everything but bodies (HttpLoggingFields.All leaves the query out; a host logging bodies
        // logs the login response's token and the password it was sent, which no library can stop).
        builder.Services.AddHttpLogging(o => o.LoggingFields = HttpLoggingFields.RequestPropertiesAndHeaders
            | HttpLoggingFields.RequestQuery | HttpLoggingFields.ResponsePropertiesAndHeaders | HttpLoggingFields.Duration);
        builder.Services.AddMicrochat(o => o.AuthRateLimitPermits = 1000).UseLiteDbInMemory();
        await using var app = builder.Build();
        app.UseHttpLogging();
        app.MapMicrochat();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address + "/api/") };
        var token = (await new Microchat.Client.MicrochatClient(http).RegisterAndLoginAsync()).Token;
        var mediaId = await UploadAsync(http, token);
        var escaped = Uri.EscapeDataString(token);

        await using (var stream = await EventTestKit.OpenRawAsync(http, $"events?access_token={escaped}&last_event_id=0"))
        {
            Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
            await stream.NextAsync();
        }
        using var content = await http.GetAsync($"media/{mediaId}/content?access_token={escaped}");
        using var chats = await http.GetAsync($"chats?access_token={escaped}&count=5");
        using var encodedKey = await http.GetAsync($"chats?access%5Ftoken={escaped}");
        using var upperKey = await http.GetAsync($"auth/tokens?ACCESS_TOKEN={escaped}");
        using var unknown = await http.GetAsync($"no/such/path?access_token={escaped}");
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, chats.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, encodedKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, upperKey.StatusCode);
        var entries = logs.Entries;
        // The host's own request lines were written, and at Trace: the test would see a leak there.
        Assert.Contains(entries, e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && e.Text.Contains("/api/chats", StringComparison.Ordinal));
        // (The 401s are answered by the authorization middleware WebApplication puts before the host's HttpLogging.)
        var httpLogging = entries.Where(e => e.Category.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal)).ToList();
        Assert.True(httpLogging.Any(e => e.Text.Contains("last_event_id=0", StringComparison.Ordinal)),
            "HTTP logging lines: " + string.Join(" || ", httpLogging.Select(e => e.Text)));
        // The levels really are open below Information (little in ASP.NET Core writes at Trace itself).
        Assert.Contains(entries, e => e.Level == LogLevel.Debug && e.Category.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal));
        var leaks = entries.Where(e => e.Text.Contains(token, StringComparison.Ordinal) || e.Text.Contains(escaped, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "Leaked in: " + string.Join(" || ", leaks.Select(e => $"{e.Category}: {e.Text}")));
    }

    private static async Task<string> UploadAsync(HttpClient http, string token)
    {
        using var upload = new HttpRequestMessage(HttpMethod.Post, "media?name=note.txt")
        {
            Content = new ByteArrayContent("hello"u8.ToArray()) { Headers = { ContentType = new("text/plain") } },
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        };
        using var created = await http.SendAsync(upload);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }
}
