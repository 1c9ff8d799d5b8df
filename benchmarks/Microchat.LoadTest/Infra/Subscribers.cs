using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Microchat.LoadTest.Infra;

/// <summary>An open stream of one subscriber.</summary>
internal interface ISubscriber : IAsyncDisposable
{
    /// <summary>Completes once the stream is open and has delivered its first item.</summary>
    Task Ready { get; }
}

/// <summary>A Server-Sent Events reader: hands every <c>data:</c> line to a callback.</summary>
internal sealed class SseSubscriber : ISubscriber
{
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task loop;

    public Task Ready => ready.Task;

    public SseSubscriber(HttpClient client, string path, string? token, Action<string>? onData)
    {
        loop = RunAsync(client, path, token, onData);
    }

    private async Task RunAsync(HttpClient client, string path, string? token, Action<string>? onData)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
            using var reader = new StreamReader(body, bufferSize: 1024);
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                ready.TrySetResult();
                if (onData is not null && line.StartsWith("data:", StringComparison.Ordinal)) onData(line);
            }
            ready.TrySetException(new IOException($"{path}: the stream ended"));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            ready.TrySetCanceled();
        }
        catch (Exception e)
        {
            ready.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}

/// <summary>A SignalR connection (WebSockets) that joined a group.</summary>
internal sealed class SignalRSubscriber : ISubscriber
{
    private readonly HubConnection connection;

    public Task Ready { get; }

    public SignalRSubscriber(Uri hub, string group, Action<string> onMessage)
    {
        connection = Connect(hub);
        connection.On<string>("m", onMessage);
        Ready = StartAsync(group);
    }

    public static HubConnection Connect(Uri hub) =>
        new HubConnectionBuilder()
            .WithUrl(hub, HttpTransportType.WebSockets, o => o.SkipNegotiation = true)
            .Build();

    private async Task StartAsync(string group)
    {
        await connection.StartAsync();
        await connection.InvokeAsync("Join", group);
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}

/// <summary>Opens many subscribers a batch at a time and closes them together.</summary>
internal sealed class SubscriberSet(IReadOnlyList<ISubscriber> subscribers) : IAsyncDisposable
{
    public int Count => subscribers.Count;

    public static async Task<SubscriberSet> OpenAsync(int count, Func<int, ISubscriber> open, int batch = 50)
    {
        var list = new List<ISubscriber>(count);
        for (var i = 0; i < count; i += batch)
        {
            var opened = Enumerable.Range(i, Math.Min(batch, count - i)).Select(open).ToList();
            list.AddRange(opened);
            var all = Task.WhenAll(opened.Select(s => s.Ready));
            if (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(120))) != all)
                throw new TimeoutException($"subscribers {i}..{i + opened.Count} did not open within 120 s");
            await all;
        }
        return new SubscriberSet(list);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var chunk in subscribers.Chunk(200))
            await Task.WhenAll(chunk.Select(s => s.DisposeAsync().AsTask()));
    }
}
