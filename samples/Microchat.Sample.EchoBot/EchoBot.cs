using Microchat.Client;
using Microchat.Contracts;

namespace Microchat.Sample.EchoBot;

/// <summary>
/// Echoes what users write to it — in its dialogs and in the conferences it is in — as a reply,
/// and knows a few commands: <c>/start</c>, <c>/echo text</c>, <c>/photo</c> and the generated <c>/help</c>.
/// </summary>
public sealed class EchoBot : MicrochatCommandBot
{
    /// <summary>A 1×1 PNG, so the sample needs no image file.</summary>
    public static readonly byte[] Dot = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>The bot and its commands.</summary>
    public EchoBot()
    {
        Command("start", "Says hello", (c, ct) =>
            c.ReplyAsync($"Hello, {c.Update.Message.Sender.Title}! Write anything and I echo it; /help lists my commands.", ct));
        Command("echo", "Echoes the rest of the line: /echo <text>", (c, ct) =>
            c.ReplyAsync(c.Arguments.Length > 0 ? c.Arguments : "Echo what? Try /echo hello.", ct));
        Command("photo", "Sends a (very small) photo", async (c, ct) =>
        {
            using var photo = new MemoryStream(Dot);
            await c.Client.SendPhotoAsync(c.Chat, photo, "dot.png", "A dot, for you.", "image/png", c.Update.Message.Id, ct);
        });
    }

    /// <summary>
    /// Users' messages only: two bots echoing each other in a conference would never stop (the bot's
    /// own messages are already left out by the host).
    /// </summary>
    public static bool ShouldAnswer(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Sender.Type == EntityType.User;
    }

    /// <inheritdoc />
    protected override Task OnMessageAsync(IMicrochatClient client, MessageEvent message, CancellationToken cancellationToken) =>
        ShouldAnswer(message.Message)
            ? client.ReplyAsync(message, string.IsNullOrEmpty(message.Message.Text) ? "I can only echo text." : message.Message.Text, cancellationToken)
            : Task.CompletedTask;
}
