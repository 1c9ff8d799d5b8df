using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using Microchat.Client;
using Microchat.Contracts;
using Microchat.Server.Events;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Microchat.Server.Tests.Events;

/// <summary>Shortcuts for event tests: publishing straight into the log, reading streams typed and raw.</summary>
internal static class EventTestKit
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>A <c>chat_updated</c> whose chat id is <paramref name="n"/>, so tests can tell events apart.</summary>
    public static OutgoingEvent Numbered(long n, params long[] recipients) => OutgoingEvent.Create(
        EventNames.ChatUpdated, new ChatEventData(new EntitySummary(n, $"n{n}", EntityType.User, $"event {n}", null)), recipients);

    /// <summary>Appends events to the log the way domain services do.</summary>
    public static Task PublishAsync(this MicrochatHost host, params OutgoingEvent[] events) =>
        host.Services.GetRequiredService<EventPublisher>().PublishAsync(events, CancellationToken.None).AsTask();

    /// <summary>The last id the log has issued, as a Last-Event-ID.</summary>
    public static async Task<string> LastIdAsync(this MicrochatHost host) =>
        (await host.Services.GetRequiredService<IEventStore>().GetBoundsAsync(CancellationToken.None)).LastId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The number a <see cref="Numbered"/> event carries.</summary>
    public static long Number(this MicrochatEvent e) => Assert.IsType<ChatEvent>(e).Chat.Id;

    /// <summary>The first <paramref name="count"/> events of a stream, or a failure naming what did arrive.</summary>
    public static async Task<List<MicrochatEvent>> TakeAsync(this IAsyncEnumerable<MicrochatEvent> stream, int count, TimeSpan? patience = null)
    {
        var received = new List<MicrochatEvent>();
        using var timeout = new CancellationTokenSource(patience ?? Patience);
        try
        {
            await foreach (var e in stream.WithCancellation(timeout.Token))
            {
                received.Add(e);
                if (received.Count == count) break;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Assert.Fail($"Expected {count} events, got {received.Count}: {string.Join(", ", received.Select(e => $"{e.Id}:{e.Name}"))}");
        }
        return received;
    }

    /// <summary>Opens <c>GET events</c> without the typed client, to see the wire's items as they are.</summary>
    public static async Task<RawStream> OpenRawAsync(HttpClient http, string path = "events", string? token = null, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new RawStream(response);
    }
}

/// <summary>A stream read item by item, exactly as the server framed it.</summary>
internal sealed class RawStream(HttpResponseMessage response) : IAsyncDisposable
{
    private IAsyncEnumerator<SseItem<string>>? _items;

    public HttpResponseMessage Response { get; } = response;

    public async Task<SseItem<string>> NextAsync(TimeSpan? patience = null)
    {
        _items ??= SseParser.Create(await Response.Content.ReadAsStreamAsync()).EnumerateAsync().GetAsyncEnumerator();
        var next = _items.MoveNextAsync().AsTask();
        var finished = await Task.WhenAny(next, Task.Delay(patience ?? EventTestKit.Patience));
        Assert.True(finished == next, "No item arrived in time.");
        Assert.True(await next, "The stream ended.");
        return _items.Current;
    }

    /// <summary>True when the server ends the stream (or the connection breaks) within the time given.</summary>
    public async Task<bool> EndsAsync(TimeSpan patience)
    {
        _items ??= SseParser.Create(await Response.Content.ReadAsStreamAsync()).EnumerateAsync().GetAsyncEnumerator();
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            while (true)
            {
                var next = _items.MoveNextAsync().AsTask();
                if (await Task.WhenAny(next, Task.Delay(Timeout.Infinite, timeout.Token)) != next) return false;
                if (!await next) return true;
            }
        }
        catch (IOException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Response.Dispose();
        if (_items is not null)
        {
            try
            {
                await _items.DisposeAsync();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or NotSupportedException)
            {
                // The response is gone already; nothing to release.
            }
        }
    }
}

/// <summary>Sign-ups on hosts the test builds itself.</summary>
internal static class SignUpShortcuts
{
    public static async Task<CreatedToken> RegisterAndLoginAsync(this MicrochatClient client)
    {
        var alias = TestUsers.UniqueAlias();
        await client.Auth.RegisterAsync(new RegisterUserRequest(alias, TestUsers.Password, "Test"));
        return await client.Auth.LoginAsync(new CreateTokenRequest(alias, TestUsers.Password), useToken: false);
    }
}
