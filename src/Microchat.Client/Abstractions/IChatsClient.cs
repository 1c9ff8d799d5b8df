using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Chats: the caller's chat list, chat details, read markers. A chat is "@alias" or an id as text. Implemented by <see cref="ChatsClient"/>; mock it in tests.</summary>
public interface IChatsClient
{
    /// <summary>A chat's details as the caller sees them (<c>GET /chats/@{alias}</c>).</summary>
    Task<ChatDetails> GetAsync(string chat, CancellationToken cancellationToken = default);

    /// <summary>Edits the fields the request sets (<c>PATCH /chats/@{alias}</c>); "" clears an optional text.</summary>
    Task<ChatDetails> UpdateAsync(string chat, UpdateChatRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a user's own account, a bot, or a conference (<c>DELETE /chats/@{alias}</c>).</summary>
    Task DeleteAsync(string chat, CancellationToken cancellationToken = default);

    /// <summary>The caller's chats, newest activity first, each with its last message and unread count (<c>GET /chats</c>).</summary>
    Task<List<ChatSummary>> ListAsync(int? offset = null, int? count = null, CancellationToken cancellationToken = default);

    /// <summary>Marks a chat read up to a message (<c>POST /chats/@{alias}/read</c>).</summary>
    Task MarkReadAsync(string chat, long messageId, CancellationToken cancellationToken = default);

    /// <summary>Tells the chat's other participants that the caller is typing (<c>POST /chats/@{alias}/typing</c>; at most one per 3 s is passed on).</summary>
    Task SendTypingAsync(string chat, CancellationToken cancellationToken = default);

    /// <summary>Users, bots and conferences whose alias or title has a word starting with <paramref name="q"/> (<c>GET /search/chats</c>).</summary>
    Task<List<EntitySummary>> SearchAsync(string q, int? offset = null, int? count = null, CancellationToken cancellationToken = default);
}
