using System.Collections.Concurrent;
using Microchat.Client;
using Microchat.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microchat.Server.Tests.Webhooks;

/// <summary>
/// A bot's own ASP.NET Core app on 127.0.0.1 receiving its events through <c>MapMicrochatWebhook()</c>,
/// with a switch in front that makes the endpoint fail, and a record of every delivery it acknowledged.
/// </summary>
internal sealed class WebhookReceiverApp : IAsyncDisposable
{
    public const string Secret = "a-webhook-secret-for-tests";
    private WebApplication _app = null!;
    private int _failuresLeft;

    /// <summary>The webhook URL to give the server.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>While true, every delivery gets a 503.</summary>
    public bool Down { get; set; }

    /// <summary>Deliveries answered with a failure, by event id.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    /// <summary>Deliveries acknowledged (2xx), by event id, in order.</summary>
    public ConcurrentQueue<string> Acknowledged { get; } = new();

    /// <summary>What the bot's handler was given: event id and message text.</summary>
    public ConcurrentQueue<(string Id, string? Text)> Handled { get; } = new();

    /// <summary>The next <paramref name="count"/> deliveries fail with a 500.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public static async Task<WebhookReceiverApp> StartAsync(MicrochatHost host, string botToken)
    {
        var receiver = new WebhookReceiverApp();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddMicrochatClient(o =>
            {
                o.BaseAddress = new Uri(host.Server.BaseAddress, "/api");
                o.Token = botToken;
            })
            .ConfigurePrimaryHttpMessageHandler(() => host.Server.CreateHandler());
        builder.Services.AddSingleton(new RecordingBot(receiver.Handled));
        builder.Services.AddMicrochatBot<RecordingBot>(o =>
        {
            o.WebhookSecret = Secret;
            // The recorder calls nothing on the server, and the server it was made for is restarted in these tests.
            o.IncludeOwnMessages = true;
        });
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var id = context.Request.Headers["Microchat-Event-Id"].ToString();
            if (receiver.Down || Interlocked.Decrement(ref receiver._failuresLeft) >= 0)
            {
                receiver.Refused.Enqueue(id);
                context.Response.StatusCode = receiver.Down ? 503 : 500;
                return;
            }
            await next(context);
            if (context.Response.StatusCode is >= 200 and < 300) receiver.Acknowledged.Enqueue(id);
        });
        app.MapMicrochatWebhook("/hook");
        // Only the endpoint: the hosted bot would register the webhook itself when given a URL; the tests do it by hand.
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hook");
        receiver._app = app;
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed class RecordingBot(ConcurrentQueue<(string Id, string? Text)> handled) : IMicrochatBotHandler
    {
        public Task HandleAsync(IMicrochatClient client, MicrochatEvent update, CancellationToken cancellationToken)
        {
            handled.Enqueue((update.Id, (update as MessageEvent)?.Message.Text));
            return Task.CompletedTask;
        }

        public Task HandleErrorAsync(IMicrochatClient client, MicrochatEvent update, Exception exception, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }
}
