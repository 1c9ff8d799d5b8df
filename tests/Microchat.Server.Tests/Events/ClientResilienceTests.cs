using System.Diagnostics;
using System.Net;
using Microchat.Client;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Microchat.Server.Tests.Events;

/// <summary>The typed client keeps one logical stream through drops, server errors and silence.</summary>
public sealed class ClientResilienceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AClientCutOffTenTimes_DuringAStreamOfAThousandMessages_EndsWithExactlyThoseMessages_InOrder()
    {
        const int total = 1000;
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var start = await host.LastIdAsync();
        // The first attempt meets a 503; then ten connections are cut, each after a few kilobytes, mid-event.
        var cutter = new CuttingHandler(failFirst: 1, cuts: Enumerable.Range(0, 10).Select(i => 5_000 + i * 3_000).ToArray());
        var client = Listener(host, bob, cutter);
        client.Events.MinReconnectDelay = TimeSpan.FromMilliseconds(10);
        client.Events.MaxReconnectDelay = TimeSpan.FromMilliseconds(50);
        var clock = Stopwatch.StartNew();

        var received = client.Events.ListenAsync(start).TakeAsync(total, TimeSpan.FromSeconds(120));
        for (var n = 0; n < total; n++) await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest($"message {n}"));
        var sending = clock.Elapsed;
        var events = await received;

        var messages = events.Select(e => Assert.IsType<MessageEvent>(e)).ToList();
        Assert.Equal(Enumerable.Range(0, total).Select(n => $"message {n}"), messages.Select(m => m.Message.Text));
        Assert.All(messages, m => Assert.Equal(alice.Id, m.Chat.Id));
        Assert.Equal(Enumerable.Range(1, total).Select(n => (long)n), messages.Select(m => m.Message.Id));
        var ids = events.Select(e => long.Parse(e.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(total, ids.Distinct().Count());
        Assert.Equal(10, cutter.Cuts);
        Assert.Equal(1, cutter.Refused);
        output.WriteLine($"{total} messages sent in {sending.TotalMilliseconds:F0} ms; all {total} events received through {cutter.Cuts} cuts "
            + $"and {cutter.Refused} refusal over {cutter.Connections} connections, done {clock.ElapsedMilliseconds} ms after the first send");
    }

    [Fact]
    public async Task HttpClientTimeout_DoesNotCutALongStream()
    {
        await using var host = new MicrochatHost(new Dictionary<string, string?> { ["Microchat:HeartbeatInterval"] = "00:00:00.2" });
        var alice = await host.SignUpAsync();
        var start = await host.LastIdAsync();
        var counter = new CuttingHandler(failFirst: 0, cuts: []);
        var client = Listener(host, alice, counter, timeout: TimeSpan.FromMilliseconds(500));

        var received = client.Events.ListenAsync(start).TakeAsync(5);
        for (var n = 1; n <= 5; n++)
        {
            await Task.Delay(300);
            await host.PublishAsync(EventTestKit.Numbered(n, alice.Id));
        }

        Assert.Equal([1L, 2L, 3L, 4L, 5L], (await received).Select(e => e.Number()));
        Assert.Equal(1, counter.Connections);
    }

    [Fact]
    public async Task ASilentConnection_IsReopened_AfterTheIdleTimeout_AndNothingIsLost()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var start = await host.LastIdAsync();
        var counter = new CuttingHandler(failFirst: 0, cuts: []);
        var client = Listener(host, alice, counter);
        client.Events.IdleTimeout = TimeSpan.FromMilliseconds(300);
        client.Events.MinReconnectDelay = TimeSpan.FromMilliseconds(10);

        var received = client.Events.ListenAsync(start).TakeAsync(1);
        await Task.Delay(1_000);
        await host.PublishAsync(EventTestKit.Numbered(1, alice.Id));

        Assert.Equal([1L], (await received).Select(e => e.Number()));
        Assert.True(counter.Connections >= 2, $"only {counter.Connections} connection(s): the silent one was kept");
    }

    [Fact]
    public async Task AMessage_ReachesTheOtherSidesStream_WellWithinASecondOfBeingSent()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var start = await host.LastIdAsync();
        await using var stream = bob.Client.Events.ListenAsync(start).GetAsyncEnumerator();
        var latencies = new List<double>();

        for (var n = 1; n <= 20; n++)
        {
            var next = stream.MoveNextAsync().AsTask();
            var clock = Stopwatch.StartNew();
            await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest($"ping {n}"));
            Assert.True(await next);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Equal($"ping {n}", Assert.IsType<MessageEvent>(stream.Current).Message.Text);
        }

        latencies.Sort();
        output.WriteLine($"send → receipt on the other side: median {latencies[10]:F1} ms, max {latencies[^1]:F1} ms over 20 messages");
        Assert.True(latencies[^1] < 1_000, $"slowest message took {latencies[^1]} ms");
    }

    [Fact]
    public async Task FiftyOpenStreams_EachGetTheirEvent_WellWithinASecond()
    {
        const int streams = 50;
        await using var host = new MicrochatHost();
        var users = new List<SignedIn>();
        for (var i = 0; i < streams; i++) users.Add(await host.SignUpAsync());
        var start = await host.LastIdAsync();
        var listening = users.Select(u => u.Client.Events.ListenAsync(start).GetAsyncEnumerator()).ToList();
        var firsts = listening.Select(l => l.MoveNextAsync().AsTask()).ToList();
        await Task.Delay(500);

        var clock = Stopwatch.StartNew();
        await host.PublishAsync(users.Select((u, n) => EventTestKit.Numbered(n, u.Id)).ToArray());
        var arrived = await Task.WhenAll(firsts);
        var elapsed = clock.Elapsed;

        Assert.All(arrived, Assert.True);
        Assert.Equal(Enumerable.Range(0, streams).Select(n => (long)n), listening.Select(l => l.Current.Number()));
        output.WriteLine($"{streams} streams, one event each: all delivered {elapsed.TotalMilliseconds:F0} ms after publishing");
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"fan-out took {elapsed}");
        foreach (var l in listening) await l.DisposeAsync();
    }

    private static MicrochatClient Listener(MicrochatHost host, SignedIn user, CuttingHandler handler, TimeSpan? timeout = null)
    {
        handler.InnerHandler = host.Server.CreateHandler();
        var http = new HttpClient(handler) { BaseAddress = new Uri(host.Server.BaseAddress, "/api/") };
        if (timeout is { } t) http.Timeout = t;
        return new MicrochatClient(http) { Token = user.Client.Token };
    }

    /// <summary>
    /// Between the client and the server: refuses the first attempts with 503, then breaks each of the
    /// next connections' bodies after the given number of bytes, as a dropped network would.
    /// </summary>
    private sealed class CuttingHandler(int failFirst, int[] cuts) : DelegatingHandler
    {
        private int _attempts;
        private int _cuts;
        private int _refused;

        public int Connections => _attempts - _refused;

        public int Cuts => _cuts;

        public int Refused => _refused;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var attempt = Interlocked.Increment(ref _attempts);
            if (attempt <= failFirst)
            {
                Interlocked.Increment(ref _refused);
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
            }
            var response = await base.SendAsync(request, cancellationToken);
            var connection = attempt - failFirst - 1;
            if (connection < cuts.Length)
            {
                var inner = await response.Content.ReadAsStreamAsync(cancellationToken);
                var content = new StreamContent(new CuttingStream(inner, cuts[connection], () => Interlocked.Increment(ref _cuts)));
                foreach (var header in response.Content.Headers) content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                response.Content = content;
            }
            return response;
        }
    }

    private sealed class CuttingStream(Stream inner, int budget, Action onCut) : Stream
    {
        private int _left = budget;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_left <= 0)
            {
                onCut();
                _left = int.MaxValue;
                throw new IOException("The connection was cut (test).");
            }
            var read = await inner.ReadAsync(buffer[..Math.Min(buffer.Length, _left)], cancellationToken);
            _left -= read;
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
