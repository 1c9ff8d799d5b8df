using Microchat.Client;

namespace Microchat.Testing;

/// <summary>A bot running in the background of a test; disposing it stops the bot and surfaces any crash of the host loop.</summary>
public sealed class RunningBot : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;

    private RunningBot()
    {
    }

    internal static RunningBot Start(IMicrochatClient client, IMicrochatBotHandler handler, MicrochatBotOptions options)
    {
        var bot = new RunningBot();
        bot._run = client.RunBotAsync(handler, options, bot._stop.Token);
        return bot;
    }

    /// <summary>Stops the bot and waits for it to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        finally
        {
            _stop.Dispose();
        }
    }
}
