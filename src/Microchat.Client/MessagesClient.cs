using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Messages and galleries of a chat.</summary>
public sealed partial class MessagesClient : IMessagesClient
{
    private readonly MicrochatTransport _transport;

    internal MessagesClient(MicrochatTransport transport) => _transport = transport;

    /// <summary>Sends a message to a chat, "@alias" or an id (<c>POST /chats/@{alias}/messages</c>).</summary>
    public Task<Message> SendAsync(string chat, SendMessageRequest request, CancellationToken cancellationToken = default) =>
        _transport.PostAsync<SendMessageRequest, Message>(Messages(chat), request, cancellationToken);

    /// <summary>A page of a chat's messages, newest first; <paramref name="before"/> pages back from a message id.</summary>
    public Task<List<Message>> ListAsync(string chat, int? offset = null, int? count = null, long? before = null,
        CancellationToken cancellationToken = default) =>
        _transport.GetAsync<List<Message>>(
            MicrochatTransport.Query(Messages(chat), ("offset", offset), ("count", count), ("before", before)), cancellationToken);

    /// <summary>One message (<c>GET /chats/@{alias}/messages/{id}</c>).</summary>
    public Task<Message> GetAsync(string chat, long id, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<Message>($"{Messages(chat)}/{id}", cancellationToken);

    /// <summary>Edits one of the caller's messages; null fields stay as they are.</summary>
    public Task<Message> EditAsync(string chat, long id, EditMessageRequest request, CancellationToken cancellationToken = default) =>
        _transport.PatchAsync<EditMessageRequest, Message>($"{Messages(chat)}/{id}", request, cancellationToken);

    /// <summary>Deletes a message for everyone.</summary>
    public Task DeleteAsync(string chat, long id, CancellationToken cancellationToken = default) =>
        _transport.DeleteAsync($"{Messages(chat)}/{id}", cancellationToken);

    /// <summary>A page of one of a chat's galleries, newest first.</summary>
    public Task<List<GalleryItem>> ListGalleryAsync(string chat, GalleryKind kind, int? offset = null, int? count = null,
        CancellationToken cancellationToken = default) =>
        _transport.GetAsync<List<GalleryItem>>(
            MicrochatTransport.Query(Gallery(chat, kind), ("offset", offset), ("count", count)), cancellationToken);

    /// <summary>One gallery item (<c>GET /chats/@{alias}/messages/{kind}/{id}</c>).</summary>
    public Task<GalleryItem> GetGalleryItemAsync(string chat, GalleryKind kind, long id, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<GalleryItem>($"{Gallery(chat, kind)}/{id}", cancellationToken);

    /// <summary>Removes an attachment from its message, or a link item (the message's text stays).</summary>
    public Task DeleteGalleryItemAsync(string chat, GalleryKind kind, long id, CancellationToken cancellationToken = default) =>
        _transport.DeleteAsync($"{Gallery(chat, kind)}/{id}", cancellationToken);

    private static string Messages(string chat) => $"chats/{MicrochatTransport.Ref(chat)}/messages";

    private static string Gallery(string chat, GalleryKind kind) => kind switch
    {
        GalleryKind.Photos => Messages(chat) + "/photos",
        GalleryKind.Videos => Messages(chat) + "/videos",
        GalleryKind.Files => Messages(chat) + "/files",
        GalleryKind.Audios => Messages(chat) + "/audios",
        GalleryKind.Animations => Messages(chat) + "/animations",
        GalleryKind.Links => Messages(chat) + "/links",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a gallery."),
    };
}
