using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Messages and galleries of a chat. Implemented by <see cref="MessagesClient"/>; mock it in tests.</summary>
public interface IMessagesClient
{
    /// <summary>Sends a message to a chat, "@alias" or an id (<c>POST /chats/@{alias}/messages</c>).</summary>
    Task<Message> SendAsync(string chat, SendMessageRequest request, CancellationToken cancellationToken = default);

    /// <summary>A page of a chat's messages, newest first; <paramref name="before"/> pages back from a message id.</summary>
    Task<List<Message>> ListAsync(string chat, int? offset = null, int? count = null, long? before = null,
        CancellationToken cancellationToken = default);

    /// <summary>One message (<c>GET /chats/@{alias}/messages/{id}</c>).</summary>
    Task<Message> GetAsync(string chat, long id, CancellationToken cancellationToken = default);

    /// <summary>Edits one of the caller's messages; null fields stay as they are.</summary>
    Task<Message> EditAsync(string chat, long id, EditMessageRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a message for everyone.</summary>
    Task DeleteAsync(string chat, long id, CancellationToken cancellationToken = default);

    /// <summary>A page of one of a chat's galleries, newest first.</summary>
    Task<List<GalleryItem>> ListGalleryAsync(string chat, GalleryKind kind, int? offset = null, int? count = null,
        CancellationToken cancellationToken = default);

    /// <summary>One gallery item (<c>GET /chats/@{alias}/messages/{kind}/{id}</c>).</summary>
    Task<GalleryItem> GetGalleryItemAsync(string chat, GalleryKind kind, long id, CancellationToken cancellationToken = default);

    /// <summary>Removes an attachment from its message, or a link item (the message's text stays).</summary>
    Task DeleteGalleryItemAsync(string chat, GalleryKind kind, long id, CancellationToken cancellationToken = default);

    /// <summary>Reacts to a message with one emoji (<c>PUT …/messages/{id}/reactions/{emoji}</c>); reacting twice changes nothing.</summary>
    Task ReactAsync(string chat, long id, string emoji, CancellationToken cancellationToken = default);

    /// <summary>Removes the caller's own reaction with this emoji (<c>DELETE …/reactions/{emoji}</c>).</summary>
    Task UnreactAsync(string chat, long id, string emoji, CancellationToken cancellationToken = default);

    /// <summary>Who reacted to a message with this emoji, oldest first.</summary>
    Task<List<EntitySummary>> ListReactorsAsync(string chat, long id, string emoji, int? offset = null, int? count = null,
        CancellationToken cancellationToken = default);

    /// <summary>A message's earlier versions, newest first (<c>GET …/messages/{id}/versions</c>).</summary>
    Task<List<MessageVersion>> ListVersionsAsync(string chat, long id, int? offset = null, int? count = null,
        CancellationToken cancellationToken = default);

    /// <summary>Messages containing every word of <paramref name="q"/>, newest first, across the caller's chats or in one (<c>GET /search/messages</c>).</summary>
    Task<List<Message>> SearchAsync(string q, string? chat = null, long? before = null, int? offset = null, int? count = null,
        CancellationToken cancellationToken = default);
}
