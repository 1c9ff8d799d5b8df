using Microchat.Contracts;

namespace Microchat.Client;

// The chat list and read markers: what changes as messages come and are read.
public sealed partial class ChatsClient
{
    /// <summary>The caller's chats, newest activity first, each with its last message and unread count (<c>GET /chats</c>).</summary>
    public Task<List<ChatSummary>> ListAsync(int? offset = null, int? count = null, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<List<ChatSummary>>(MicrochatTransport.Query("chats", ("offset", offset), ("count", count)), cancellationToken);

    /// <summary>Marks a chat read up to a message (<c>POST /chats/@{alias}/read</c>).</summary>
    public Task MarkReadAsync(string chat, long messageId, CancellationToken cancellationToken = default) =>
        _transport.PostAsync($"chats/{MicrochatTransport.Ref(chat)}/read", new MarkReadRequest(messageId), cancellationToken);

    /// <summary>Tells the chat's other participants that the caller is typing (<c>POST /chats/@{alias}/typing</c>; at most one per 3 s is passed on).</summary>
    public async Task SendTypingAsync(string chat, CancellationToken cancellationToken = default)
    {
        using var response = await _transport.SendRawAsync(new MicrochatRequest(HttpMethod.Post, $"chats/{MicrochatTransport.Ref(chat)}/typing"), cancellationToken);
    }
}
