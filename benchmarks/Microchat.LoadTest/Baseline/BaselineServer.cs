using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace Microchat.LoadTest.Baseline;

/// <summary>
/// What a team would build instead, run as its own process (<c>serve-baseline</c>): a minimal-API
/// JSON echo, an SSE endpoint fed by a <see cref="Channel{T}"/> per subscriber, a bare keep-alive
/// response, and a SignalR hub broadcasting to a group.
/// </summary>
internal static class BaselineServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<SseHub>();
        var app = builder.Build();

        // The same JSON body a send carries, read and written back.
        app.MapPost("/echo", (EchoBody body) => TypedResults.Ok(body));

        app.MapGet("/sse", (SseHub hub, CancellationToken ct) => TypedResults.ServerSentEvents(hub.SubscribeAsync(ct)));
        app.MapPost("/sse/send", (EchoBody body, SseHub hub) =>
        {
            hub.Broadcast(body.Text ?? "");
            return TypedResults.NoContent();
        });

        // An open response that only writes a comment every 15 s: the cheapest idle stream.
        app.MapGet("/keepalive", async (HttpContext http, CancellationToken ct) =>
        {
            http.Response.ContentType = "text/event-stream";
            await http.Response.WriteAsync(": open\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromSeconds(15), ct);
                    await http.Response.WriteAsync(": keep-alive\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        app.MapGet("/keepalive-probe", () => TypedResults.NoContent());
        app.MapHub<GroupHub>("/hub");
        await app.RunAsync();
        return 0;
    }
}

/// <summary>A message body shaped like a Microchat send.</summary>
internal sealed record EchoBody(string? Text, long[]? Attachments, long? ReplyTo);

/// <summary>One channel per SSE subscriber; a broadcast writes to each.</summary>
internal sealed class SseHub
{
    private readonly ConcurrentDictionary<Channel<string>, byte> subscribers = new();

    public void Broadcast(string text)
    {
        foreach (var channel in subscribers.Keys) channel.Writer.TryWrite(text);
    }

    public async IAsyncEnumerable<SseItem<string>> SubscribeAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        subscribers.TryAdd(channel, 0);
        try
        {
            yield return new SseItem<string>("{}", "ready");
            await foreach (var text in channel.Reader.ReadAllAsync(ct))
                yield return new SseItem<string>(text, "message");
        }
        finally
        {
            subscribers.TryRemove(channel, out _);
        }
    }
}

/// <summary>A plain hub: join a group, broadcast to it.</summary>
internal sealed class GroupHub : Hub
{
    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public Task Send(string group, string text) => Clients.Group(group).SendAsync("m", text);
}
