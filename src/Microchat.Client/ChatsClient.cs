using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Chats: the caller's chat list, chat details, read markers. A chat is "@alias" or an id as text.</summary>
public sealed partial class ChatsClient : IChatsClient
{
    private readonly MicrochatTransport _transport;

    internal ChatsClient(MicrochatTransport transport) => _transport = transport;

    /// <summary>A chat's details as the caller sees them (<c>GET /chats/@{alias}</c>).</summary>
    public Task<ChatDetails> GetAsync(string chat, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<ChatDetails>($"chats/{MicrochatTransport.Ref(chat)}", cancellationToken);

    /// <summary>Edits the fields the request sets (<c>PATCH /chats/@{alias}</c>); "" clears an optional text.</summary>
    public Task<ChatDetails> UpdateAsync(string chat, UpdateChatRequest request, CancellationToken cancellationToken = default) =>
        _transport.PatchAsync<UpdateChatRequest, ChatDetails>($"chats/{MicrochatTransport.Ref(chat)}", request, cancellationToken);

    /// <summary>Deletes a user's own account, a bot, or a conference (<c>DELETE /chats/@{alias}</c>).</summary>
    public Task DeleteAsync(string chat, CancellationToken cancellationToken = default) =>
        _transport.DeleteAsync($"chats/{MicrochatTransport.Ref(chat)}", cancellationToken);
}
