using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microchat.Storage.PostgreSql.Tests;

/// <summary>A webhook receiver on 127.0.0.1 that acknowledges every delivery and records each one, duplicates included.</summary>
internal sealed class WebhookRecorder : IAsyncDisposable
{
    public const string Secret = "a-webhook-secret-for-tests";
    private WebApplication _app = null!;

    /// <summary>The webhook URL to give the server.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Every delivery received, in arrival order: event id, event name and, for a message, its text.</summary>
    public ConcurrentQueue<(long Id, string Event, string? Text)> Received { get; } = new();

    public static async Task<WebhookRecorder> StartAsync()
    {
        var recorder = new WebhookRecorder();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var root = body.RootElement;
            var text = root.GetProperty("data").TryGetProperty("message", out var message) && message.TryGetProperty("text", out var t)
                ? t.GetString() : null;
            recorder.Received.Enqueue((root.GetProperty("id").GetInt64(), root.GetProperty("event").GetString()!, text));
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        recorder.Url = new Uri(new Uri(address), "/hook");
        recorder._app = app;
        return recorder;
    }

    /// <summary>Waits until <paramref name="done"/> holds, failing after <paramref name="patience"/>.</summary>
    public async Task UntilAsync(Func<IReadOnlyList<(long Id, string Event, string? Text)>, bool> done, TimeSpan patience, string what)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!done([.. Received]))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}; received: {string.Join(", ", Received)}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
