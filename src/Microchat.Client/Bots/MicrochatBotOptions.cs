namespace Microchat.Client;

/// <summary>How a bot host reads and dispatches events.</summary>
public sealed class MicrochatBotOptions
{
    /// <summary>
    /// How many chats are handled at once (default 1: one event at a time). Above 1, events of one
    /// chat still reach the handler one at a time and in order; different chats run side by side.
    /// </summary>
    public int MaxParallelChats { get; set; } = 1;

    /// <summary>Resume after this event id (one the bot kept); null starts from now.</summary>
    public string? LastEventId { get; set; }

    /// <summary>Whether the bot's own messages (which come back as events) reach the handler (default false).</summary>
    public bool IncludeOwnMessages { get; set; }

    /// <summary>Called after each event is handled (or failed), with its id: the place to persist a resume point.</summary>
    public Func<string, CancellationToken, Task>? OnHandled { get; set; }

    /// <summary>
    /// Webhook mode (<c>AddMicrochatBot</c> only): the public https address of the bot's
    /// <c>MapMicrochatWebhook()</c> endpoint. The host registers it at start and reads no stream.
    /// </summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>
    /// The secret (16..256 characters) the server signs webhook deliveries with, and <c>MapMicrochatWebhook()</c>
    /// checks them against. Set, it also puts <c>AddMicrochatBot</c> in webhook mode: no stream is read.
    /// </summary>
    public string? WebhookSecret { get; set; }
}
