using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microchat.Client;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace Microchat.Server.Tests.Hardening;

/// <summary>
/// Requests generated from the served OpenAPI document, as real users with real chats and as
/// strangers: not one may get a 5xx or log an unhandled exception. MICROCHAT_FUZZ_REQUESTS sets
/// the count (default 2,000; a full run is 10,000+), MICROCHAT_FUZZ_SEED the seed.
/// </summary>
[Trait("Category", "Slow")]
public sealed class OpenApiFuzzTests(ITestOutputHelper output)
{
    private const int DefaultRequests = 2_000;

    [Fact]
    public async Task GeneratedRequests_GetNo5xx_AndLogNoUnhandledException()
    {
        var total = int.TryParse(Environment.GetEnvironmentVariable("MICROCHAT_FUZZ_REQUESTS"), CultureInfo.InvariantCulture, out var n) ? n : DefaultRequests;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("MICROCHAT_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 1414;
        var logs = new CapturedLogs();
        await using var host = new MicrochatHost(new Dictionary<string, string?> { ["Microchat:Administrators:0"] = "fuzz_root" });
        await using var logged = host.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var raw = logged.CreateClient();
        var document = JsonNode.Parse(await raw.GetStringAsync("/openapi/v1.json"))!;
        var http = logged.CreateClient();
        http.BaseAddress = new Uri(http.BaseAddress!, "/api/");
        http.Timeout = TimeSpan.FromSeconds(30);

        var random = new Random(seed);
        var fixture = new FuzzFixture();
        var values = new FuzzValues(random, fixture);
        var fuzzer = new OpenApiFuzzer(document, random, values);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var started = DateTime.UtcNow;
        var hung = 0;
        // Long runs can be watched: MICROCHAT_FUZZ_PROGRESS=/tmp/fuzz.txt appends a line per request.
        var progress = Environment.GetEnvironmentVariable("MICROCHAT_FUZZ_PROGRESS");

        for (var i = 0; i < total; i++)
        {
            // Fresh accounts now and then: the fuzzer deletes chats and revokes tokens as it goes.
            if (i % 400 == 0) await SeedAsync(logged, fixture);
            string? token = random.Next(10) switch
            {
                < 6 => values.Pick(fixture.Tokens),
                6 => "mc_not_a_real_token",
                _ => null,
            };
            var (request, description) = fuzzer.Next(token);
            if (progress is not null) await File.AppendAllTextAsync(progress, $"{DateTime.UtcNow:HH:mm:ss} {i} {description[..Math.Min(200, description.Length)]}\n");
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                // A request the server never answers (the test server ignores the client's
                // cancellation until the app returns) is a failure too, and ends the run after 3.
                var send = http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (await Task.WhenAny(send, Task.Delay(TimeSpan.FromSeconds(25))) != send)
                {
                    failures.Add($"no answer in 25 s (request {i}, seed {seed}): {description}");
                    if (++hung == 3) break;
                    continue;
                }
                using var response = await send;
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status >= 500) failures.Add($"{status}: {description}");
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{status} without a problem body: {description}");
            }
            catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
            {
                // The test server refuses a NUL in the path before the app, as Kestrel does (a bare 400).
                statuses[0] = statuses.GetValueOrDefault(0) + 1;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add($"exception {e.GetType().Name}: {e.Message} at {description}");
            }
            finally
            {
                request.Dispose();
            }
        }

        var elapsed = DateTime.UtcNow - started;
        var errors = logs.Entries.Where(e => e.Level is LogLevel.Error or LogLevel.Critical).ToList();
        output.WriteLine($"{total} requests over {fuzzer.OperationCount} operations in {elapsed.TotalSeconds:0.0} s (seed {seed}); statuses: "
            + string.Join(", ", statuses.Select(p => $"{p.Key}×{p.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} failures, first ones:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(errors.Count == 0, $"{errors.Count} error logs, first ones:\n" + string.Join("\n", errors.Take(10).Select(e => $"{e.Category}: {e.Text}")));
        Assert.True(statuses.Keys.Any(k => k is >= 200 and < 300), "The fuzzer never got a success: it is not reaching the endpoints.");
    }

    // Seeds through the logged host itself (a second host on the same file would not share its caches).
    private static async Task SeedAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, FuzzFixture fixture)
    {
        async Task<(MicrochatClient Client, ChatDetails Profile)> SignUpAsync(string stem)
        {
            var http = host.CreateClient();
            http.BaseAddress = new Uri(http.BaseAddress!, "/api/");
            http.DefaultRequestHeaders.Add("Microchat-Setup-Key", MicrochatHost.SetupKey);
            var client = new MicrochatClient(http);
            var alias = TestUsers.UniqueAlias(stem);
            var profile = await client.Auth.RegisterAsync(new RegisterUserRequest(alias, TestUsers.Password, "Fuzz"));
            await client.Auth.LoginAsync(new CreateTokenRequest(alias, TestUsers.Password, "fuzz"));
            return (client, profile);
        }

        var (alice, aliceProfile) = await SignUpAsync("fa");
        var (bob, bobProfile) = await SignUpAsync("fb");
        var conference = "@" + (await alice.Conferences.CreateAsync(new CreateConferenceRequest(TestUsers.UniqueAlias("fc"), "Fuzz"))).Alias;
        await bob.Members.AddAsync(conference, new AddMemberRequest(Alias: bobProfile.Alias));
        var bot = await alice.Bots.CreateAsync(new CreateBotRequest(TestUsers.UniqueAlias("fbot"), "Fuzz bot"));
        using var bytes = new MemoryStream([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        var media = (await alice.Media.UploadAsync(bytes, "image/png", "p.png")).Id;
        var message = await alice.Messages.SendAsync("@" + bobProfile.Alias, new SendMessageRequest("hello https://example.com", [media]));
        await alice.Messages.SendAsync(conference, new SendMessageRequest("in the conference"));
        fixture.Tokens.AddRange([alice.Token!, bob.Token!, bot.Token]);
        fixture.Aliases.AddRange([aliceProfile.Alias, bobProfile.Alias, bot.Bot.Alias, "fuzz_root"]);
        fixture.ChatRefs.AddRange(["@" + aliceProfile.Alias, "@" + bobProfile.Alias, "@" + bot.Bot.Alias, conference,
            aliceProfile.Id.ToString(CultureInfo.InvariantCulture), "@fuzz_root"]);
        fixture.MediaIds.Add(media);
        fixture.Numbers.AddRange([message.Id, aliceProfile.Id, bobProfile.Id]);
    }
}
