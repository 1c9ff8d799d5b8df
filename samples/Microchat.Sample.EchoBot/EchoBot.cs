using System.Globalization;
using Microchat.Client;
using Microchat.Contracts;

namespace Microchat.Sample.EchoBot;

/// <summary>
/// Answers every message a user sends it — in its dialogs and in the conferences it is in — with
/// the same text, as a reply. The whole bot is this loop over the event stream.
/// </summary>
public sealed class EchoBot(MicrochatClient client, TextWriter log)
{
    /// <summary>Answers messages from now on, until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => RunAsync(null, cancellationToken);

    /// <summary>Answers messages after <paramref name="lastEventId"/> (an event id kept from an earlier run), until cancelled.</summary>
    public async Task RunAsync(string? lastEventId, CancellationToken cancellationToken)
    {
        await foreach (var e in client.Events.ListenAsync(lastEventId, cancellationToken))
        {
            if (e is MessageEvent { Kind: MicrochatEventKind.MessageCreated } created && ShouldAnswer(created.Message))
                await AnswerAsync(created, cancellationToken);
        }
    }

    /// <summary>
    /// Users' messages only: the bot's own messages come back to it as events too, and two bots
    /// echoing each other in a conference would never stop.
    /// </summary>
    public static bool ShouldAnswer(Message message) => message.Sender.Type == EntityType.User;

    private async Task AnswerAsync(MessageEvent e, CancellationToken ct)
    {
        // The event's chat is the chat as the bot addresses it: the user, in a dialog.
        var chat = e.Chat.Id.ToString(CultureInfo.InvariantCulture);
        var text = string.IsNullOrEmpty(e.Message.Text) ? "I can only echo text." : e.Message.Text;
        try
        {
            await client.Messages.SendAsync(chat, new SendMessageRequest(text, ReplyTo: e.Message.Id), ct);
            await log.WriteLineAsync($"{e.Message.Sender.Title} in {e.Chat.Title}: {e.Message.Text}");
        }
        catch (MicrochatApiException refusal)
        {
            // Muted in a conference, or the chat is gone: skip this one and keep answering the rest.
            await log.WriteLineAsync($"Could not answer in {e.Chat.Title}: {(int)refusal.StatusCode} {refusal.Message}");
        }
    }
}
