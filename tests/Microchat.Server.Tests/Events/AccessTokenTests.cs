using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Microchat.Server.Tests.Events;

/// <summary><c>?access_token=</c>: accepted by the event stream, refused elsewhere, kept out of logs.</summary>
public sealed class AccessTokenTests
{
    [Fact]
    public async Task AnAccessTokenInTheQuery_OpensTheStream()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        await host.PublishAsync(EventTestKit.Numbered(1, alice.Id));

        await using var stream = await EventTestKit.OpenRawAsync(host.CreateHttpClient(), $"events?access_token={alice.Client.Token}");
        await host.PublishAsync(EventTestKit.Numbered(2, alice.Id));

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal(EventNames.Heartbeat, (await stream.NextAsync()).EventType);
        Assert.Contains("\"event 2\"", (await stream.NextAsync()).Data);
    }

    [Fact]
    public async Task AnAccessTokenInTheQuery_OpensMediaContent_TheOtherEndpointThatTakesIt()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var http = host.CreateHttpClient();
        using var upload = new HttpRequestMessage(HttpMethod.Post, "media?name=note.txt")
        {
            Content = new ByteArrayContent("hello"u8.ToArray()) { Headers = { ContentType = new("text/plain") } },
            Headers = { Authorization = new("Bearer", alice.Client.Token) },
        };
        using var created = await http.SendAsync(upload);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        var content = await http.GetAsync($"media/{id}/content?access_token={alice.Client.Token}");
        var metadata = await http.GetAsync($"media/{id}?access_token={alice.Client.Token}");

        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal("hello", await content.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, metadata.StatusCode);
    }

    [Fact]
    public async Task AnAccessTokenInTheQuery_IsRefusedWith401_OnOtherEndpoints()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var http = host.CreateHttpClient();

        var response = await http.GetAsync($"auth/tokens?access_token={alice.Client.Token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AWrongAccessToken_IsRefusedWith401_OnTheStream()
    {
        await using var host = new MicrochatHost();

        var response = await host.CreateHttpClient().GetAsync("events?access_token=mc_not_a_real_token", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnAccessToken_NeverReachesTheLogs_AtTheSampleHostsLogLevels()
    {
        var logs = new CapturedLogs();
        await using var host = new MicrochatHost();
        await using var logged = host.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var http = logged.CreateClient();
        http.BaseAddress = new Uri(http.BaseAddress!, "/api/");
        var alice = await new Microchat.Client.MicrochatClient(http).RegisterAndLoginAsync();

        await using (var stream = await EventTestKit.OpenRawAsync(http, $"events?access_token={alice.Token}&last_event_id=0"))
        {
            await stream.NextAsync();
        }
        await http.GetAsync($"auth/tokens?access_token={alice.Token}");
        await http.GetAsync($"events?access_token={alice.Token}x", HttpCompletionOption.ResponseHeadersRead);

        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains(alice.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAccessToken_ReachesNoLog_ButTheHostsOwnRequestStartingLine_EvenWithHttpLoggingOfQueriesAndEveryLevelOn()
    {
        var logs = new CapturedLogs();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Trace);
        builder.Services.AddHttpLogging(o => o.LoggingFields =
            HttpLoggingFields.RequestPropertiesAndHeaders | HttpLoggingFields.RequestQuery | HttpLoggingFields.ResponsePropertiesAndHeaders);
        builder.Services.AddMicrochat().UseLiteDbInMemory();
        await using var app = builder.Build();
        app.UseHttpLogging();
        app.MapMicrochat();
        await app.StartAsync();
        var http = app.GetTestClient();
        http.BaseAddress = new Uri(http.BaseAddress!, "/api/");
        var token = (await new Microchat.Client.MicrochatClient(http).RegisterAndLoginAsync()).Token;

        await using (var stream = await EventTestKit.OpenRawAsync(http, $"events?last_event_id=nope&access_token={token}"))
        {
            // The rest of the query still works once the token is taken out of it.
            Assert.Equal(EventNames.Reset, (await stream.NextAsync()).EventType);
        }
        await http.GetAsync($"auth/tokens?access_token={token}&offset=0");

        var leaks = logs.Entries.Where(e => e.Text.Contains(token, StringComparison.Ordinal)).ToList();
        Assert.All(leaks, e => Assert.Equal("Microsoft.AspNetCore.Hosting.Diagnostics", e.Category));
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal)
            && e.Text.Contains("last_event_id=nope", StringComparison.Ordinal));
    }
}
