using System.Collections.Concurrent;
using Microchat.Client;
using Microchat.Contracts;
using Microchat.Server.Tests.Events;
using Microchat.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Microchat.Server.Tests.Bots;

/// <summary>The bot host: RunBotAsync and AddMicrochatBot against a real server.</summary>
public sealed class BotHostTests
{
    [Fact]
    public async Task ABotWhoseHandlerThrowsOnOneUpdate_AnswersTheNext_AndTheErrorHandlerHearsOfIt()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(alice);
        var handler = new ThrowsOnBoom();
        using var stop = new CancellationTokenSource();
        var running = bot.Client.RunBotAsync(handler, new MicrochatBotOptions { LastEventId = await host.LastIdAsync() }, stop.Token);

        await alice.Client.Messages.SendAsync(bot.Ref, new SendMessageRequest("boom"));
        await alice.Client.Messages.SendAsync(bot.Ref, new SendMessageRequest("hello"));
        var answers = await WaitForAsync(alice, bot.Ref, m => m.Sender.Id == bot.Id && m.Text == "echo: hello");

        Assert.Equal(["boom"], handler.Failed);
        Assert.DoesNotContain(answers, m => m.Text == "echo: boom");
        await stop.CancelAsync();
        await running.WaitAsync(EventTestKit.Patience);
        Assert.True(running.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task TheCommandBot_RoutesCommands_AndGeneratesHelp()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(alice);
        using var stop = new CancellationTokenSource();
        var running = bot.Client.RunBotAsync(new Greeter(), new MicrochatBotOptions { LastEventId = await host.LastIdAsync() }, stop.Token);

        await alice.Client.Messages.SendAsync(bot.Ref, new SendMessageRequest("/start"));
        await WaitForAsync(alice, bot.Ref, m => m.Text == "Hello, Test!");
        await alice.Client.Messages.SendAsync(bot.Ref, new SendMessageRequest("/help"));
        var help = (await WaitForAsync(alice, bot.Ref, m => m.Text?.StartsWith("Commands:", StringComparison.Ordinal) == true))
            .First(m => m.Text!.StartsWith("Commands:", StringComparison.Ordinal));
        await alice.Client.Messages.SendAsync(bot.Ref, new SendMessageRequest("/help start"));
        await WaitForAsync(alice, bot.Ref, m => m.Text == "/start — Says hello");
        await alice.Client.Messages.SendAsync(bot.Ref, new SendMessageRequest("/nope"));
        await WaitForAsync(alice, bot.Ref, m => m.Text == "I don't know /nope. Try /help.");

        Assert.Contains("/help — ", help.Text, StringComparison.Ordinal);
        Assert.Contains("/start — Says hello", help.Text, StringComparison.Ordinal);
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task ParallelChats_KeepEachChatsOrder()
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(owner);
        var users = new[] { await host.SignUpAsync(), await host.SignUpAsync(), await host.SignUpAsync() };
        var seen = new ConcurrentDictionary<long, ConcurrentQueue<string>>();
        var total = 0;
        using var stop = new CancellationTokenSource();
        var options = new MicrochatBotOptions { LastEventId = await host.LastIdAsync(), MaxParallelChats = 3 };
        var running = bot.Client.RunBotAsync(new Recorder(async (e, ct) =>
        {
            // Uneven work, so a lane that did not keep order would show it.
            await Task.Delay(Random.Shared.Next(0, 15), ct);
            seen.GetOrAdd(e.Chat.Id, _ => new()).Enqueue(e.Message.Text!);
            Interlocked.Increment(ref total);
        }), options, stop.Token);

        await Task.WhenAll(users.Select(async u =>
        {
            for (var i = 0; i < 10; i++) await u.Client.Messages.SendAsync(bot.Ref, new SendMessageRequest($"{i}"));
        }));
        var deadline = DateTime.UtcNow + EventTestKit.Patience;
        while (Volatile.Read(ref total) < 30 && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.Equal(30, total);
        Assert.All(users, u => Assert.Equal(Enumerable.Range(0, 10).Select(i => $"{i}"), seen[u.Id]));
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task AddMicrochatBot_RunsTheHandlerAsAHostedService_AndStopsWithTheHost()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(alice);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMicrochatClient(o => o.Token = bot.Client.Token).ConfigurePrimaryHttpMessageHandler(() => host.Server.CreateHandler());
        services.Configure<MicrochatClientOptions>(o => o.BaseAddress = new Uri(host.Server.BaseAddress, "/api"));
        // From the log's position now, so no message can slip past before the stream opens.
        var start = await host.LastIdAsync();
        services.AddMicrochatBot<Greeter>(o => o.LastEventId = start);
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().Single();

        await hosted.StartAsync(CancellationToken.None);
        await alice.Client.Messages.SendAsync(bot.Ref, new SendMessageRequest("/start"));
        await WaitForAsync(alice, bot.Ref, m => m.Text == "Hello, Test!");
        await hosted.StopAsync(CancellationToken.None).WaitAsync(EventTestKit.Patience);
    }

    /// <summary>Polls the dialog until a message matches; returns the history then.</summary>
    internal static async Task<List<Message>> WaitForAsync(SignedIn reader, string chat, Func<Message, bool> match)
    {
        var deadline = DateTime.UtcNow + EventTestKit.Patience;
        while (true)
        {
            var history = await reader.Client.Messages.ListAsync(chat, count: 100);
            if (history.Any(match)) return history;
            if (DateTime.UtcNow > deadline) Assert.Fail($"No matching message; history: {string.Join(" | ", history.Select(m => m.Text))}");
            await Task.Delay(20);
        }
    }

    private sealed class ThrowsOnBoom : IMicrochatBotHandler
    {
        public ConcurrentQueue<string> Failed { get; } = new();

        public Task HandleAsync(IMicrochatClient client, MicrochatEvent update, CancellationToken cancellationToken) =>
            update is MessageEvent { Kind: MicrochatEventKind.MessageCreated } m
                ? m.Message.Text == "boom" ? throw new InvalidOperationException("boom") : client.ReplyAsync(m, "echo: " + m.Message.Text, cancellationToken)
                : Task.CompletedTask;

        public Task HandleErrorAsync(IMicrochatClient client, MicrochatEvent update, Exception exception, CancellationToken cancellationToken)
        {
            Failed.Enqueue(((MessageEvent)update).Message.Text!);
            return Task.CompletedTask;
        }
    }

    private sealed class Greeter : MicrochatCommandBot
    {
        public Greeter() => Command("start", "Says hello", (c, ct) => c.ReplyAsync($"Hello, {c.Update.Message.Sender.Title}!", ct));
    }

    private sealed class Recorder(Func<MessageEvent, CancellationToken, Task> record) : IMicrochatBotHandler
    {
        public Task HandleAsync(IMicrochatClient client, MicrochatEvent update, CancellationToken cancellationToken) =>
            update is MessageEvent { Kind: MicrochatEventKind.MessageCreated } m ? record(m, cancellationToken) : Task.CompletedTask;

        public Task HandleErrorAsync(IMicrochatClient client, MicrochatEvent update, Exception exception, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }
}
