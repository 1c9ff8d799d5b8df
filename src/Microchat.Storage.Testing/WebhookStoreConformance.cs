using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>What every <see cref="IWebhookStore"/> must do.</summary>
public abstract partial class StoreConformance
{
    private IWebhookStore WebhookWebhooks => Store<IWebhookStore>();

    private static WebhookRecord WebhookHook(long bot, long position = 0) =>
        new() { BotId = bot, Url = $"https://bots.example/{bot}", Secret = "0123456789abcdef", LastDeliveredId = position };

    [Fact]
    public async Task WebhookStore_Save_ThenFind_RoundTrips_AndSaveReplaces()
    {
        await WebhookWebhooks.SaveAsync(WebhookHook(1, 5), Ct);
        Assert.Equal(WebhookHook(1, 5), await WebhookWebhooks.FindAsync(1, Ct));

        await WebhookWebhooks.SaveAsync(WebhookHook(1, 5) with { Url = "https://other.example/" }, Ct);
        Assert.Equal("https://other.example/", (await WebhookWebhooks.FindAsync(1, Ct))!.Url);
        Assert.Null(await WebhookWebhooks.FindAsync(2, Ct));
    }

    [Fact]
    public async Task WebhookStore_RecordDelivery_OnlyMovesForward_AndClearsTheError()
    {
        await WebhookWebhooks.SaveAsync(WebhookHook(1, 5), Ct);
        Assert.True(await WebhookWebhooks.RecordFailureAsync(1, "503", At(1), Ct));
        Assert.Equal(("503", At(1)), ((await WebhookWebhooks.FindAsync(1, Ct))!.LastError, (await WebhookWebhooks.FindAsync(1, Ct))!.LastErrorAt));

        Assert.True(await WebhookWebhooks.RecordDeliveryAsync(1, 9, Ct));
        Assert.True(await WebhookWebhooks.RecordDeliveryAsync(1, 7, Ct));

        var found = (await WebhookWebhooks.FindAsync(1, Ct))!;
        Assert.Equal((9L, null, null), (found.LastDeliveredId, found.LastError, found.LastErrorAt));
    }

    [Fact]
    public async Task WebhookStore_Delete_RemovesOnlyThatBots_AndProgressOnAGoneWebhookIsRefused()
    {
        await WebhookWebhooks.SaveAsync(WebhookHook(1), Ct);
        await WebhookWebhooks.SaveAsync(WebhookHook(2), Ct);

        Assert.True(await WebhookWebhooks.DeleteAsync(1, Ct));
        Assert.False(await WebhookWebhooks.DeleteAsync(1, Ct));
        Assert.False(await WebhookWebhooks.RecordDeliveryAsync(1, 3, Ct));
        Assert.False(await WebhookWebhooks.RecordFailureAsync(1, "x", At(2), Ct));
        Assert.Equal([2L], (await WebhookWebhooks.ListAsync(Ct)).Select(w => w.BotId));
    }

    [Fact]
    public async Task WebhookStore_Lease_IsHeldByOne_RenewedByIt_AndTakenOverOnlyOnceItLapses()
    {
        await WebhookWebhooks.SaveAsync(WebhookHook(1), Ct);

        Assert.True(await WebhookWebhooks.TryLeaseAsync(1, "a", until: At(10), now: At(0), Ct));
        Assert.False(await WebhookWebhooks.TryLeaseAsync(1, "b", until: At(15), now: At(5), Ct));
        Assert.True(await WebhookWebhooks.TryLeaseAsync(1, "a", until: At(20), now: At(5), Ct));
        Assert.False(await WebhookWebhooks.TryLeaseAsync(1, "b", until: At(25), now: At(15), Ct));

        Assert.True(await WebhookWebhooks.TryLeaseAsync(1, "b", until: At(30), now: At(20), Ct));
        Assert.False(await WebhookWebhooks.TryLeaseAsync(1, "a", until: At(31), now: At(21), Ct));
    }

    [Fact]
    public async Task WebhookStore_Lease_SurvivesASave_IsFreeOnceGivenUp_AndGoesWithTheWebhook()
    {
        Assert.False(await WebhookWebhooks.TryLeaseAsync(1, "a", until: At(10), now: At(0), Ct));
        await WebhookWebhooks.SaveAsync(WebhookHook(1), Ct);
        await WebhookWebhooks.SaveAsync(WebhookHook(2), Ct);
        Assert.True(await WebhookWebhooks.TryLeaseAsync(1, "a", until: At(10), now: At(0), Ct));
        Assert.True(await WebhookWebhooks.TryLeaseAsync(2, "b", until: At(10), now: At(0), Ct));

        await WebhookWebhooks.SaveAsync(WebhookHook(1, 7) with { Url = "https://other.example/" }, Ct);
        Assert.False(await WebhookWebhooks.TryLeaseAsync(1, "b", until: At(11), now: At(1), Ct));

        Assert.True(await WebhookWebhooks.TryLeaseAsync(1, "a", until: At(2), now: At(2), Ct));
        Assert.True(await WebhookWebhooks.TryLeaseAsync(1, "b", until: At(12), now: At(2), Ct));

        Assert.True(await WebhookWebhooks.DeleteAsync(2, Ct));
        Assert.False(await WebhookWebhooks.TryLeaseAsync(2, "b", until: At(12), now: At(2), Ct));
        await WebhookWebhooks.SaveAsync(WebhookHook(2), Ct);
        Assert.True(await WebhookWebhooks.TryLeaseAsync(2, "c", until: At(12), now: At(3), Ct));
    }

    [Fact]
    public async Task WebhookStore_Lease_ClaimedByManyAtOnce_GoesToExactlyOne()
    {
        await WebhookWebhooks.SaveAsync(WebhookHook(1), Ct);

        var granted = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => WebhookWebhooks.TryLeaseAsync(1, $"host-{i}", until: At(30), now: At(0), Ct).AsTask())));

        Assert.Single(granted, g => g);
    }
}
