using Microchat.Client;
using Microchat.Contracts;

namespace Microchat.Testing;

/// <summary>A user or bot of a <see cref="MicrochatTestServer"/>, signed in: its client, profile, and ways to talk and listen.</summary>
public sealed class TestAccount
{
    internal TestAccount(MicrochatTestServer server, MicrochatClient client, ChatDetails profile)
    {
        Server = server;
        Client = client;
        Profile = profile;
    }

    /// <summary>The server the account lives on.</summary>
    public MicrochatTestServer Server { get; }

    /// <summary>A client signed in as this account.</summary>
    public MicrochatClient Client { get; }

    /// <summary>The account's profile as it was created.</summary>
    public ChatDetails Profile { get; }

    /// <summary>The entity id.</summary>
    public long Id => Profile.Id;

    /// <summary>The alias.</summary>
    public string Alias => Profile.Alias;

    /// <summary>This account as a chat to send to: a dialog with it.</summary>
    public static implicit operator ChatRef(TestAccount account) => ChatRef.FromId((account ?? throw new ArgumentNullException(nameof(account))).Id);

    /// <summary>
    /// Sends <paramref name="text"/> to <paramref name="other"/> (a bot, say) and returns its first message
    /// in the dialog after that — the answer. Fails with <see cref="TimeoutException"/> after <paramref name="timeout"/> (default 5 s).
    /// </summary>
    public async Task<Message> AskAsync(TestAccount other, string text, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(other);
        var since = await Server.LastEventIdAsync();
        await Client.SendTextAsync(other, text);
        return await NextMessageFromAsync(other, since, timeout);
    }

    /// <summary>
    /// The first message <paramref name="from"/> sends this account (in their dialog or a conference both are in)
    /// after event <paramref name="since"/> (<see cref="MicrochatTestServer.LastEventIdAsync"/>, taken before acting).
    /// </summary>
    public async Task<Message> NextMessageFromAsync(TestAccount from, string since, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        var wait = timeout ?? TimeSpan.FromSeconds(5);
        using var deadline = new CancellationTokenSource(wait);
        try
        {
            await foreach (var e in Client.Events.ListenAsync(since, deadline.Token))
            {
                if (e is MessageEvent { Kind: MicrochatEventKind.MessageCreated } created && created.Message.Sender.Id == from.Id)
                    return created.Message;
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // Reported below, with who was silent.
        }
        throw new TimeoutException($"@{from.Alias} sent @{Alias} nothing within {wait.TotalSeconds:0.#} s.");
    }
}
