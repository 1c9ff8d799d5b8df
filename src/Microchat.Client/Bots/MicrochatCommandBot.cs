using System.Text;
using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>
/// A bot handler that routes commands (<c>/start</c>, <c>/help topic</c>) to their handlers and
/// answers <c>/help</c> with the list it builds from them. Derive from it and call
/// <see cref="Command"/> in the constructor; override <see cref="OnMessageAsync"/> for plain
/// messages and <see cref="OnEventAsync"/> for everything else.
/// </summary>
public abstract class MicrochatCommandBot : IMicrochatBotHandler
{
    private readonly Dictionary<string, (string Description, Func<CommandContext, CancellationToken, Task> Handle)> _commands =
        new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A bot whose <c>/help</c> is generated from its commands.</summary>
    protected MicrochatCommandBot() =>
        Command("help", "Lists the commands, or describes one: /help <command>", HelpAsync);

    /// <summary>The text above the generated command list of <c>/help</c>.</summary>
    protected virtual string HelpIntro => "Commands:";

    /// <summary>The commands and their descriptions, in the order they were added.</summary>
    public IReadOnlyList<(string Name, string Description)> Commands => _commands.Select(c => (c.Key, c.Value.Description)).ToList();

    /// <summary>Routes <c>/name …</c> to <paramref name="handle"/>; a name added twice replaces the first (so <c>/help</c> can be replaced).</summary>
    protected void Command(string name, string description, Func<CommandContext, CancellationToken, Task> handle)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handle);
        _commands[name.TrimStart('/')] = (description, handle);
    }

    /// <inheritdoc />
    public Task HandleAsync(IMicrochatClient client, MicrochatEvent update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update is not MessageEvent { IsEdit: false } message) return OnEventAsync(client, update, cancellationToken);
        if (!TryParse(message.Message.Text, out var name, out var arguments)) return OnMessageAsync(client, message, cancellationToken);
        var context = new CommandContext(client, message, name, arguments);
        return _commands.TryGetValue(name, out var command)
            ? command.Handle(context, cancellationToken)
            : OnUnknownCommandAsync(context, cancellationToken);
    }

    /// <summary>Reports a handler's failure; by default, tells the user something went wrong when the event was a message.</summary>
    public virtual Task HandleErrorAsync(IMicrochatClient client, MicrochatEvent update, Exception exception, CancellationToken cancellationToken) =>
        update is MessageEvent message ? client.ReplyAsync(message, "Sorry, something went wrong.", cancellationToken) : Task.CompletedTask;

    /// <summary>A message that is not a command; by default, ignored.</summary>
    protected virtual Task OnMessageAsync(IMicrochatClient client, MessageEvent message, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Any event other than a new message (edits, members, chat changes …); by default, ignored.</summary>
    protected virtual Task OnEventAsync(IMicrochatClient client, MicrochatEvent update, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A command with no handler; by default, points to <c>/help</c>.</summary>
    protected virtual Task OnUnknownCommandAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ReplyAsync($"I don't know /{context.Command}. Try /help.", cancellationToken);
    }

    /// <summary>"/name args" or "/name@bot args" → name and args.</summary>
    internal static bool TryParse(string? text, out string name, out string arguments)
    {
        name = arguments = "";
        if (text is null || text.Length < 2 || text[0] != '/' || char.IsWhiteSpace(text[1])) return false;
        var end = text.AsSpan(1).IndexOfAny(' ', '\n', '\t');
        var head = end < 0 ? text[1..] : text[1..(end + 1)];
        arguments = end < 0 ? "" : text[(end + 2)..].Trim();
        var at = head.IndexOf('@', StringComparison.Ordinal);
        name = (at < 0 ? head : head[..at]).ToLowerInvariant();
        return name.Length > 0;
    }

    private Task HelpAsync(CommandContext context, CancellationToken ct)
    {
        if (context.Arguments.Length > 0)
        {
            var wanted = context.Arguments.TrimStart('/').Split(' ')[0];
            return context.ReplyAsync(_commands.TryGetValue(wanted, out var one)
                ? $"/{wanted.ToLowerInvariant()} — {one.Description}"
                : $"There is no /{wanted}. Try /help.", ct);
        }
        var text = new StringBuilder(HelpIntro);
        foreach (var (name, (description, _)) in _commands) text.Append('\n').Append('/').Append(name).Append(" — ").Append(description);
        return context.ReplyAsync(text.ToString(), ct);
    }
}
