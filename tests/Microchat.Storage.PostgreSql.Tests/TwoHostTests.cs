using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using Microchat.Client;
using Microchat.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Microchat.Storage.PostgreSql.Tests;

/// <summary>Two hosts of the sample on one database, as behind a load balancer with no sticky sessions.</summary>
public sealed class TwoHostTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private PgHost _a = null!;
    private PgHost _b = null!;

    public Task InitializeAsync()
    {
        var database = TestDatabase.FreshSchema();
        _a = new PgHost(database);
        _b = new PgHost(database);
        // Both started (schema migrated by whichever comes first) before a test begins.
        _ = _a.Server;
        _ = _b.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    /// <summary>How many messages each of the four senders sends (MICROCHAT_TEST_PG_MESSAGES; 500 by default).</summary>
    private static int MessagesPerSender =>
        int.TryParse(Environment.GetEnvironmentVariable("MICROCHAT_TEST_PG_MESSAGES"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 500;

    [Fact]
    public async Task AMessagePostedThroughA_ArrivesOnAStreamHeldOnB_WithinASecond()
    {
        var alice = await _a.SignUpAsync();
        var bob = await _a.SignUpAsync();
        using var http = _b.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "events");
        request.Headers.Authorization = new("Bearer", bob.Client.Token);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var items = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
        // The first item (a heartbeat) means the stream on B is registered and listening.
        Assert.True(await items.MoveNextAsync().AsTask().WaitAsync(Patience));

        var clock = Stopwatch.StartNew();
        var sent = await alice.Client.Messages.SendAsync("@" + bob.Profile.Alias, new SendMessageRequest("across hosts"));
        while (true)
        {
            Assert.True(await items.MoveNextAsync().AsTask().WaitAsync(Patience));
            if (items.Current.EventType == EventNames.MessageCreated) break;
        }
        clock.Stop();

        Assert.Contains("across hosts", items.Current.Data);
        Assert.Contains($"\"id\":{sent.Id}", items.Current.Data);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task AClientCutFromA_ResumesOnB_WithNoLossAndNoDuplicate()
    {
        var alice = await _a.SignUpAsync();
        var bob = await _a.SignUpAsync();
        var bobOnB = _b.Client(bob.Client.Token);
        var dialog = "@" + bob.Profile.Alias;
        var start = (await _a.Services.GetRequiredService<IEventStore>().GetBoundsAsync(CancellationToken.None)).LastId
            .ToString(CultureInfo.InvariantCulture);
        for (var i = 1; i <= 3; i++) await alice.Client.Messages.SendAsync(dialog, new SendMessageRequest($"m{i}"));

        var first = await TakeAsync(bob.Client.Events.ListenAsync(start), 2);
        for (var i = 4; i <= 8; i++) await alice.Client.Messages.SendAsync(dialog, new SendMessageRequest($"m{i}"));
        var rest = await TakeAsync(bobOnB.Events.ListenAsync(first[^1].Id), 6);

        var texts = first.Concat(rest).Select(e => Assert.IsType<MessageEvent>(e).Data.Message.Text).ToList();
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"m{i}"), texts);
        var ids = first.Concat(rest).Select(e => long.Parse(e.Id, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task FourSendersThroughBothHosts_GetDenseIds_OneToTheTotal()
    {
        var owner = await _a.SignUpAsync();
        var conference = "@" + (await owner.Client.Conferences.CreateAsync(
            new CreateConferenceRequest($"conf_{Guid.NewGuid():N}"[..20], "Load", null, false))).Alias;
        var senders = new List<MicrochatClient> { owner.Client };
        for (var i = 1; i < 4; i++)
        {
            var member = await (i % 2 == 0 ? _a : _b).SignUpAsync();
            await member.Client.Members.AddAsync(conference, new AddMemberRequest(Alias: member.Profile.Alias));
            senders.Add(member.Client);
        }
        // Two senders through each host.
        var clients = senders.Select((c, i) => i % 2 == 0 ? c : (i % 4 == 1 ? _b : _a).Client(c.Token)).ToList();
        var perSender = MessagesPerSender;

        var sent = await Task.WhenAll(clients.Select(async (client, s) =>
        {
            var ids = new List<long>(perSender);
            for (var i = 0; i < perSender; i++)
                ids.Add((await client.Messages.SendAsync(conference, new SendMessageRequest($"s{s} n{i}"))).Id);
            return ids;
        }));

        var total = 4 * perSender;
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), sent.SelectMany(s => s).Order());
        foreach (var ids in sent) Assert.Equal(ids.Order(), ids);
        Assert.Equal(total, await _b.Services.GetRequiredService<IMessageStore>()
            .GetLastIdAsync(ChatKey.Conference((await owner.Client.Chats.GetAsync(conference)).Id), CancellationToken.None));
    }

    [Fact]
    public async Task AnIdempotencyKeyRetry_SentToTheOtherHost_ReturnsTheFirstResponse()
    {
        var alice = await _a.SignUpAsync();
        var bob = await _a.SignUpAsync();
        var key = "retry-" + Guid.NewGuid().ToString("N");

        async Task<(HttpStatusCode Status, string Body)> SendAsync(PgHost host)
        {
            using var http = host.CreateHttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"chats/@{bob.Profile.Alias}/messages")
            {
                Content = JsonContent.Create(new SendMessageRequest("only once"), options: MicrochatJson.Options),
            };
            request.Headers.Authorization = new("Bearer", alice.Client.Token);
            request.Headers.Add("Idempotency-Key", key);
            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var first = await SendAsync(_a);
        var retry = await SendAsync(_b);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(first, retry);
        Assert.Single(await bob.Client.Messages.ListAsync("@" + alice.Profile.Alias));
    }

    [Fact]
    public async Task DisposingHostAMidLoad_LosesNothingAcknowledged()
    {
        var alice = await _b.SignUpAsync();
        var bob = await _b.SignUpAsync();
        var dialog = "@" + bob.Profile.Alias;
        var throughA = _a.Client(alice.Client.Token);
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<Message>();
        using var stop = new CancellationTokenSource();

        async Task LoadAsync(MicrochatClient client, string tag)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    acknowledged.Add(await client.Messages.SendAsync(dialog, new SendMessageRequest($"{tag} {i}")));
                }
                catch (Exception) when (tag == "a")
                {
                    // Host A is going away: a send it never answered was not acknowledged.
                    return;
                }
            }
        }

        var loadA = Task.Run(() => LoadAsync(throughA, "a"));
        var loadB = Task.Run(() => LoadAsync(alice.Client, "b"));
        while (acknowledged.Count(m => m.Text!.StartsWith('a')) < 20) await Task.Delay(10);
        await _a.DisposeAsync();
        await loadA;
        await Task.Delay(200);
        await stop.CancelAsync();
        await loadB;

        var stored = new Dictionary<long, Message>();
        long? before = null;
        while (true)
        {
            var page = await bob.Client.Messages.ListAsync("@" + alice.Profile.Alias, count: 100, before: before);
            if (page.Count == 0) break;
            foreach (var m in page) stored[m.Id] = m;
            before = page.Min(m => m.Id);
        }
        Assert.Contains(acknowledged, m => m.Text!.StartsWith('a'));
        foreach (var m in acknowledged)
        {
            Assert.True(stored.TryGetValue(m.Id, out var kept), $"message {m.Id} ({m.Text}) was acknowledged but is gone");
            Assert.Equal(m.Text, kept.Text);
        }
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored.Keys.Order());
    }

    [Fact]
    public async Task AProfileChangedThroughA_IsShownByB_WhichHadItInMemory_WithinSeconds()
    {
        var alice = await _a.SignUpAsync();
        var bob = await _b.SignUpAsync();
        var aliceRef = "@" + alice.Profile.Alias;
        var bobRef = "@" + bob.Profile.Alias;
        // B reads Alice and her summary, so both sit in B's caches.
        await bob.Client.Chats.GetAsync(aliceRef);
        await _b.Client(alice.Client.Token).Messages.SendAsync(bobRef, new SendMessageRequest("before"));
        await bob.Client.Messages.ListAsync(aliceRef);

        await alice.Client.Chats.UpdateAsync(aliceRef, new UpdateChatRequest(Name: "Renamed", Bio: "changed on A"));

        // B learns of it from the shared log's notification, not from its own commit.
        var clock = Stopwatch.StartNew();
        ChatDetails seen;
        do
        {
            seen = await bob.Client.Chats.GetAsync(aliceRef);
            if (seen.Bio == "changed on A") break;
            await Task.Delay(50);
        }
        while (clock.Elapsed < Patience);
        clock.Stop();
        var sentThroughB = await _b.Client(alice.Client.Token).Messages.SendAsync(bobRef, new SendMessageRequest("after"));

        Assert.Equal(("Renamed", "changed on A"), (seen.Name, seen.Bio));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"B showed the old profile for {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal("Renamed", sentThroughB.Sender.Title);
    }

    private static async Task<List<MicrochatEvent>> TakeAsync(IAsyncEnumerable<MicrochatEvent> stream, int count)
    {
        var received = new List<MicrochatEvent>();
        using var timeout = new CancellationTokenSource(Patience);
        await foreach (var e in stream.WithCancellation(timeout.Token))
        {
            received.Add(e);
            if (received.Count == count) break;
        }
        return received;
    }
}
