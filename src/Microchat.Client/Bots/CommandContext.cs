using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>A command a user sent the bot (<c>/help topic</c>): the message, the command and its argument text.</summary>
public sealed class CommandContext
{
    internal CommandContext(IMicrochatClient client, MessageEvent update, string command, string arguments)
    {
        Client = client;
        Update = update;
        Command = command;
        Arguments = arguments;
    }

    /// <summary>The client, to do more than reply.</summary>
    public IMicrochatClient Client { get; }

    /// <summary>The message event that carried the command.</summary>
    public MessageEvent Update { get; }

    /// <summary>The command's name, lower case, without "/" (and without a "@bot" suffix).</summary>
    public string Command { get; }

    /// <summary>Everything after the command, trimmed ("" when none).</summary>
    public string Arguments { get; }

    /// <summary>The chat the command came from.</summary>
    public EntitySummary Chat => Update.Chat;

    /// <summary>Answers the command in its chat, as a reply to it.</summary>
    public Task<Message> ReplyAsync(string text, CancellationToken cancellationToken = default) =>
        Client.ReplyAsync(Update, text, cancellationToken);
}
