using Xunit;

namespace Microchat.Storage.Conformance;

/// <summary>What every <see cref="IWebhookStore"/> must do.</summary>
public abstract class WebhookStoreConformance : StoreConformance
{
    private IWebhookStore Webhooks => Store<IWebhookStore>();

    private static WebhookRecord Hook(long bot, long position = 0) =>
        new() { BotId = bot, Url = $"https://bots.example/{bot}", Secret = "0123456789abcdef", LastDeliveredId = position };

    [Fact]
    public async Task Save_ThenFind_RoundTrips_AndSaveReplaces()
    {
        await Webhooks.SaveAsync(Hook(1, 5), Ct);
        Assert.Equal(Hook(1, 5), await Webhooks.FindAsync(1, Ct));

        await Webhooks.SaveAsync(Hook(1, 5) with { Url = "https://other.example/" }, Ct);
        Assert.Equal("https://other.example/", (await Webhooks.FindAsync(1, Ct))!.Url);
        Assert.Null(await Webhooks.FindAsync(2, Ct));
    }

    [Fact]
    public async Task RecordDelivery_OnlyMovesForward_AndClearsTheError()
    {
        await Webhooks.SaveAsync(Hook(1, 5), Ct);
        Assert.True(await Webhooks.RecordFailureAsync(1, "503", At(1), Ct));
        Assert.Equal(("503", At(1)), ((await Webhooks.FindAsync(1, Ct))!.LastError, (await Webhooks.FindAsync(1, Ct))!.LastErrorAt));

        Assert.True(await Webhooks.RecordDeliveryAsync(1, 9, Ct));
        Assert.True(await Webhooks.RecordDeliveryAsync(1, 7, Ct));

        var found = (await Webhooks.FindAsync(1, Ct))!;
        Assert.Equal((9L, null, null), (found.LastDeliveredId, found.LastError, found.LastErrorAt));
    }

    [Fact]
    public async Task Delete_RemovesOnlyThatBots_AndProgressOnAGoneWebhookIsRefused()
    {
        await Webhooks.SaveAsync(Hook(1), Ct);
        await Webhooks.SaveAsync(Hook(2), Ct);

        Assert.True(await Webhooks.DeleteAsync(1, Ct));
        Assert.False(await Webhooks.DeleteAsync(1, Ct));
        Assert.False(await Webhooks.RecordDeliveryAsync(1, 3, Ct));
        Assert.False(await Webhooks.RecordFailureAsync(1, "x", At(2), Ct));
        Assert.Equal([2L], (await Webhooks.ListAsync(Ct)).Select(w => w.BotId));
    }
}
