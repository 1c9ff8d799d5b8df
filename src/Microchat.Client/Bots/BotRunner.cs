using System.Threading.Channels;
using Microchat.Contracts;
using Microsoft.Extensions.Logging;

namespace Microchat.Client;

/// <summary>
/// Feeds events to a handler: one worker per parallel lane, each chat always on the same lane so
/// its order holds; a handler's exception is reported and the bot goes on.
/// </summary>
internal sealed class BotRunner(IMicrochatClient client, IMicrochatBotHandler handler, MicrochatBotOptions options, ILogger logger)
{
    private const int LaneCapacity = 64;

    public async Task RunAsync(IAsyncEnumerable<MicrochatEvent> events, Task<long?> ownId, CancellationToken ct)
    {
        var lanes = Enumerable.Range(0, Math.Max(1, options.MaxParallelChats))
            .Select(_ => Channel.CreateBounded<MicrochatEvent>(new BoundedChannelOptions(LaneCapacity) { SingleReader = true }))
            .ToArray();
        var workers = lanes.Select(lane => Task.Run(() => WorkAsync(lane.Reader, ct), CancellationToken.None)).ToArray();
        try
        {
            await foreach (var update in events.WithCancellation(ct))
            {
                if (!options.IncludeOwnMessages && update is MessageEvent && IsOwn(update, await ownId)) continue;
                var lane = lanes[(int)((ulong)ChatOf(update) % (ulong)lanes.Length)];
                await lane.Writer.WriteAsync(update, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping is not a failure.
        }
        finally
        {
            foreach (var lane in lanes) lane.Writer.TryComplete();
            await Task.WhenAll(workers);
        }
    }

    /// <summary>Handles one event now, reporting a failure instead of throwing it.</summary>
    public async Task HandleOneAsync(MicrochatEvent update, CancellationToken ct)
    {
        try
        {
            await handler.HandleAsync(client, update, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            logger.HandlerFailed(update.Id, update.Name, e);
            try
            {
                await handler.HandleErrorAsync(client, update, e, ct);
            }
            catch (Exception inner) when (!ct.IsCancellationRequested)
            {
                logger.ErrorHandlerFailed(update.Id, inner);
            }
        }
        if (options.OnHandled is { } handled) await handled(update.Id, ct);
    }

    private async Task WorkAsync(ChannelReader<MicrochatEvent> lane, CancellationToken ct)
    {
        try
        {
            await foreach (var update in lane.ReadAllAsync(ct)) await HandleOneAsync(update, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: what is queued stays unhandled, and a resume from the last handled id picks it up.
        }
    }

    private static bool IsOwn(MicrochatEvent update, long? ownId) =>
        ownId is { } id && update is MessageEvent { Message.Sender.Id: var sender } && sender == id;

    /// <summary>The chat an event belongs to; events without one share lane 0.</summary>
    internal static long ChatOf(MicrochatEvent update) => update switch
    {
        MessageEvent e => e.Chat.Id,
        MessageDeletedEvent e => e.Chat.Id,
        ChatEvent e => e.Chat.Id,
        MemberEvent e => e.Chat.Id,
        PermissionsEvent e => e.Chat.Id,
        ReadEvent e => e.Chat.Id,
        _ => 0,
    };
}
