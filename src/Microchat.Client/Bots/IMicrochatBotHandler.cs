namespace Microchat.Client;

/// <summary>A bot's logic: called once per event by <c>RunBotAsync</c> or <c>AddMicrochatBot&lt;T&gt;()</c>.</summary>
public interface IMicrochatBotHandler
{
    /// <summary>Handles one event. An exception goes to <see cref="HandleErrorAsync"/>; the bot goes on with the next event.</summary>
    Task HandleAsync(IMicrochatClient client, MicrochatEvent update, CancellationToken cancellationToken);

    /// <summary>Hears about a failure of <see cref="HandleAsync"/> (already logged); whatever it does, the bot goes on.</summary>
    Task HandleErrorAsync(IMicrochatClient client, MicrochatEvent update, Exception exception, CancellationToken cancellationToken);
}
