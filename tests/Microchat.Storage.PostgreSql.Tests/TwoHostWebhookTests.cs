using Microchat.Contracts;
using Xunit;

namespace Microchat.Storage.PostgreSql.Tests;

/// <summary>A bot's webhook served by two hosts of the sample on one database: one delivers, the other takes over.</summary>
public sealed class TwoHostWebhookTests : IAsyncLifetime
{
    // A takeover waits for the feed to wake the other host's loop, or at worst for its next look (WebhookLease.RetryInterval).
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private string _database = null!;
    private PgHost _a = null!;
    private PgHost? _b;

    public Task InitializeAsync()
    {
        _database = TestDatabase.FreshSchema();
        _a = new PgHost(_database);
        _ = _a.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        if (_b is not null) await _b.DisposeAsync();
    }

    [Fact]
    public async Task EachEvent_ReachesTheReceiverOnce_WithTwoHostsRunning_AndDeliveryGoesOn_AfterTheLeasingHostIsDisposed()
    {
        var alice = await _a.SignUpAsync();
        var bot = await _a.CreateBotAsync(alice.Client);
        await using var receiver = await WebhookRecorder.StartAsync();
        // Set through A, whose loop starts at once and takes the lease.
        await bot.Client.Me.SetWebhookAsync(receiver.Url, WebhookRecorder.Secret);
        // B starts with the webhook stored, so its own loop for the bot runs from the start, contending for the lease.
        _b = new PgHost(_database);
        _ = _b.Server;
        var aliceOnB = _b.Client(alice.Client.Token);
        var dialog = "@" + bot.Profile.Alias;

        for (var i = 0; i < 20; i++) await (i % 2 == 0 ? alice.Client : aliceOnB).Messages.SendAsync(dialog, new SendMessageRequest($"m{i}"));
        await receiver.UntilAsync(r => Texts(r).Count >= 20, Patience, "the first twenty messages");
        // Time for a second delivery of any of them, were one coming.
        await Task.Delay(TimeSpan.FromSeconds(1));

        await _a.DisposeAsync();
        for (var i = 20; i < 25; i++) await aliceOnB.Messages.SendAsync(dialog, new SendMessageRequest($"m{i}"));
        await receiver.UntilAsync(r => Texts(r).Count >= 25, Patience, "the messages sent after host A was disposed");
        await Task.Delay(TimeSpan.FromSeconds(1));

        var received = receiver.Received.ToList();
        Assert.Equal(received.Select(r => r.Id).Distinct().Count(), received.Count);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"m{i}"), Texts(received));
        Assert.Equal(received.Select(r => r.Id).Order(), received.Select(r => r.Id));
        var state = await _b.Client(bot.Client.Token).Me.GetWebhookAsync();
        Assert.Equal((0, received[^1].Id), (state!.Pending, state.LastDeliveredId));
    }

    private static List<string?> Texts(IEnumerable<(long Id, string Event, string? Text)> received) =>
        received.Where(r => r.Event == EventNames.MessageCreated).Select(r => r.Text).ToList();
}
