using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microchat.Client;

/// <summary><c>client.RunBotAsync(handler, ct)</c>: a bot on the event stream in one call.</summary>
public static class MicrochatBotExtensions
{
    /// <summary>
    /// Reads the caller's event stream (reconnecting by itself) and calls the handler per event until
    /// <paramref name="cancellationToken"/> is cancelled; then it returns, without throwing. A handler's
    /// exception is logged and passed to its error handler, and the bot goes on.
    /// </summary>
    public static Task RunBotAsync(this IMicrochatClient client, IMicrochatBotHandler handler, CancellationToken cancellationToken) =>
        RunBotAsync(client, handler, new MicrochatBotOptions(), cancellationToken);

    /// <summary>As <see cref="RunBotAsync(IMicrochatClient, IMicrochatBotHandler, CancellationToken)"/>, with options (parallel chats, resume point …).</summary>
    public static async Task RunBotAsync(this IMicrochatClient client, IMicrochatBotHandler handler, MicrochatBotOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        var logger = (client as MicrochatClient)?.Logger ?? NullLogger.Instance;
        await RunAsync(client, handler, options, logger, cancellationToken);
    }

    /// <summary>A bot from a lambda: <c>await client.RunBotAsync(async (c, e, ct) => …, ct)</c>; failures are logged and skipped.</summary>
    public static Task RunBotAsync(this IMicrochatClient client, Func<IMicrochatClient, MicrochatEvent, CancellationToken, Task> handle,
        CancellationToken cancellationToken) =>
        RunBotAsync(client, new DelegateBotHandler(handle), new MicrochatBotOptions(), cancellationToken);

    internal static async Task RunAsync(IMicrochatClient client, IMicrochatBotHandler handler, MicrochatBotOptions options, ILogger logger,
        CancellationToken ct)
    {
        try
        {
            // Asked while the stream opens, not before: the first answer should not wait for two round trips.
            var ownId = options.IncludeOwnMessages ? Task.FromResult<long?>(null) : WhoAmIAsync(client, logger, ct);
            var runner = new BotRunner(client, handler, options, logger);
            await runner.RunAsync(client.Events.ListenAsync(options.LastEventId, ct), ownId, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping is not a failure.
        }
    }

    private static async Task<long?> WhoAmIAsync(IMicrochatClient client, ILogger logger, CancellationToken ct)
    {
        var me = await client.Me.GetAsync(ct);
        logger.BotStarted(me.Alias, me.Id);
        return me.Id;
    }

    private sealed class DelegateBotHandler(Func<IMicrochatClient, MicrochatEvent, CancellationToken, Task> handle) : IMicrochatBotHandler
    {
        public Task HandleAsync(IMicrochatClient client, MicrochatEvent update, CancellationToken cancellationToken) =>
            handle(client, update, cancellationToken);

        public Task HandleErrorAsync(IMicrochatClient client, MicrochatEvent update, Exception exception, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }
}
