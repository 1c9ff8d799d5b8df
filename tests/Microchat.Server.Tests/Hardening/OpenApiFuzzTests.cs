using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Server.Tests.Messages;
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
        // Long runs can be watched: MICROCHAT_FUZZ_PROGRESS=/tmp/fuzz.txt appends a line every 100 requests.
        var progress = Environment.GetEnvironmentVariable("MICROCHAT_FUZZ_PROGRESS");

        for (var i = 0; i < total; i++)
        {
            // Fresh accounts now and then: the fuzzer deletes chats and revokes tokens as it goes.
            if (i % 400 == 0) await SeedAsync(host, http, fixture);
            string? token = random.Next(10) switch
            {
                < 6 => values.Pick(fixture.Tokens),
                6 => "mc_not_a_real_token",
                _ => null,
            };
            var (request, description) = fuzzer.Next(token);
            if (progress is not null && i % 100 == 0) await File.AppendAllTextAsync(progress, $"{DateTime.UtcNow:HH:mm:ss} {i} {description[..Math.Min(200, description.Length)]}\n");
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status >= 500) failures.Add($"{status}: {description}");
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{status} without a problem body: {description}");
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
        var errors = logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        output.WriteLine($"{total} requests over {fuzzer.OperationCount} operations in {elapsed.TotalSeconds:0.0} s (seed {seed}); statuses: "
            + string.Join(", ", statuses.Select(p => $"{p.Key}×{p.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} failures, first ones:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(errors.Count == 0, $"{errors.Count} error logs, first ones:\n" + string.Join("\n", errors.Take(10).Select(e => $"{e.Category}: {e.Text}")));
        Assert.True(statuses.Keys.Any(k => k is >= 200 and < 300), "The fuzzer never got a success: it is not reaching the endpoints.");
    }

    private static async Task SeedAsync(MicrochatHost host, HttpClient http, FuzzFixture fixture)
    {
        var alice = await host.SignUpAsync(TestUsers.UniqueAlias("fa"));
        var bob = await host.SignUpAsync(TestUsers.UniqueAlias("fb"));
        var conference = await alice.CreateConferenceAsync();
        await bob.JoinAsync(conference);
        var bot = await host.CreateBotAsync(alice);
        var media = await host.CreateMediaAsync(alice);
        var message = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("hello https://example.com", [media]));
        await alice.Client.Messages.SendAsync(conference, new SendMessageRequest("in the conference"));
        fixture.Tokens.AddRange([alice.Client.Token!, bob.Client.Token!, bot.Client.Token!]);
        fixture.Aliases.AddRange([alice.Alias, bob.Alias, bot.Alias, "fuzz_root"]);
        fixture.ChatRefs.AddRange([alice.Ref, bob.Ref, bot.Ref, conference, alice.Id.ToString(CultureInfo.InvariantCulture), "@fuzz_root"]);
        fixture.MediaIds.Add(media);
        fixture.Numbers.AddRange([message.Id, alice.Id, bob.Id]);
        _ = http;
    }
}
