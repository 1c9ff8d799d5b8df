using System.Globalization;
using System.Net.Http.Json;
using Xunit;
using Xunit.Abstractions;

namespace Microchat.Reliability.Tests;

/// <summary>
/// kill -9 under load: several clients send into one conference with Idempotency-Keys while the host
/// is killed at random moments and restarted; every send that was in flight at a kill is retried with
/// its key. Nothing acknowledged may be lost, nothing doubled, ids stay dense, and each message's
/// <c>message_created</c> is in the log exactly once. Kills: MICROCHAT_CRASH_KILLS (default 10, CI's short form).
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Clients = 4;

    [Theory]
    [InlineData("Default")]
    [InlineData("Durable")]
    [Trait("Category", "Slow")]
    public async Task SendsRetriedAfterKills_AreNeitherLostNorDoubled(string durability)
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("MICROCHAT_CRASH_KILLS"), out var k) ? k : 10;
        var folder = Directory.CreateTempSubdirectory("microchat-crash-");
        try
        {
            await using var host = new HostProcess(Path.Combine(folder.FullName, "chat.db"), $"--Microchat:LiteDb:Durability={durability}");
            await host.StartAsync();
            var anonymous = ChatApi.Client(host.BaseAddress);
            var tokens = new List<string>();
            for (var i = 0; i < Clients; i++) tokens.Add(await ChatApi.RegisterAndLoginAsync(anonymous, $"sender{i}"));
            var owner = ChatApi.Client(host.BaseAddress, tokens[0]);
            (await owner.PostAsJsonAsync("api/conferences", new { alias = "crashroom", title = "Crash room" })).EnsureSuccessStatusCode();
            for (var i = 1; i < Clients; i++)
                (await ChatApi.Client(host.BaseAddress, tokens[i]).PostAsJsonAsync("api/chats/@crashroom/members", new { alias = $"sender{i}" })).EnsureSuccessStatusCode();

            // Each client sends text == key, one at a time; a send whose answer never came is retried
            // with the same key until it is acknowledged.
            var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
            {
                var client = ChatApi.Client(host.BaseAddress, tokens[c]);
                var n = 0;
                while (!stop.IsCancellationRequested)
                {
                    var key = $"c{c}-{n.ToString(CultureInfo.InvariantCulture)}";
                    if (await ChatApi.TrySendAsync(client, "@crashroom", key, key) is { } id)
                    {
                        acknowledged[key] = id;
                        n++;
                    }
                    else
                    {
                        await Task.Delay(50);
                    }
                }
                // The last send may still be unanswered: finish it once the host is up for good.
                var last = $"c{c}-{n.ToString(CultureInfo.InvariantCulture)}";
                return last;
            })).ToList();

            var random = new Random(20261128);
            for (var kill = 0; kill < kills; kill++)
            {
                // Kill under load: once the restarted host has acknowledged a few sends, at a random moment after.
                var target = acknowledged.Count + Clients;
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (acknowledged.Count < target && DateTime.UtcNow < deadline) await Task.Delay(20);
                await Task.Delay(random.Next(0, 400));
                host.Kill();
                await host.StartAsync();
            }
            await Task.Delay(500);
            await stop.CancelAsync();
            var unfinished = await Task.WhenAll(senders);
            output.WriteLine($"{kills} kills; {acknowledged.Count} sends acknowledged");

            var reader = ChatApi.Client(host.BaseAddress, tokens[0]);
            var messages = await ChatApi.AllMessagesAsync(reader, "@crashroom");
            var texts = messages.Select(m => m.Text).ToList();

            // Dense: ids 1..n with no gap or repeat.
            Assert.Equal(Enumerable.Range(1, messages.Count).Select(i => (long)i), messages.Select(m => m.Id));
            // Not doubled: every key's text at most once.
            var doubled = texts.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(doubled.Count == 0, $"stored twice: {string.Join(", ", doubled)}");
            // Not lost: every acknowledged send is there, under the id it was acknowledged with.
            var byText = messages.ToDictionary(m => m.Text, m => m.Id);
            var lost = acknowledged.Where(a => !byText.TryGetValue(a.Key, out var id) || id != a.Value).Select(a => a.Key).ToList();
            Assert.True(lost.Count == 0, $"acknowledged but missing or renumbered: {string.Join(", ", lost)}");
            // Only what was sent: any other stored message is a send whose answer was lost at the end.
            Assert.All(texts.Where(t => !acknowledged.ContainsKey(t)), t => Assert.Contains(t, unfinished));

            // Each message's event exactly once, in the log that survived every kill.
            var created = await ChatApi.ReplayCreatedIdsAsync(reader, messages.Count);
            Assert.Equal(messages.Select(m => m.Id), created);
            Assert.True(acknowledged.Count > kills, $"the load was too light to mean anything: {acknowledged.Count} sends");
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
