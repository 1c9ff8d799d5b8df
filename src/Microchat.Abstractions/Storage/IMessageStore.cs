using Microchat.Contracts;

namespace Microchat.Storage;

/// <summary>Persists chats' histories, their galleries and where each history stands.</summary>
public interface IMessageStore
{
    /// <summary>
    /// Appends a message with the chat's next id (and numbers its new attachments and links);
    /// atomic, so concurrent sends get distinct, gapless ids. Returns the stored message.
    /// </summary>
    ValueTask<MessageRecord> AppendAsync(ChatKey chat, MessageRecord message, CancellationToken cancellationToken);

    /// <summary>One message, or null.</summary>
    ValueTask<MessageRecord?> GetAsync(ChatKey chat, long id, CancellationToken cancellationToken);

    /// <summary>A page of messages, newest first, read from an index range (never the whole chat).</summary>
    ValueTask<IReadOnlyList<MessageRecord>> ListAsync(ChatKey chat, MessageQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a message's text, attachments, links and edit time (numbering new ones), keeping what it replaced as a
    /// version (<see cref="IMessageVersionStore"/>) and re-indexing its words in the same commit; null when it does not exist.
    /// </summary>
    ValueTask<MessageRecord?> UpdateAsync(ChatKey chat, MessageRecord message, CancellationToken cancellationToken);

    /// <summary>Removes a message with its gallery items, reactions, versions and index words; false when it did not exist.</summary>
    ValueTask<bool> DeleteAsync(ChatKey chat, long id, CancellationToken cancellationToken);

    /// <summary>Counts messages after an id not sent by <paramref name="excludeSenderId"/>, within the spans when given.</summary>
    ValueTask<int> CountAfterAsync(ChatKey chat, long afterId, long excludeSenderId, IReadOnlyList<MessageSpan>? spans, CancellationToken cancellationToken);

    /// <summary>A page of one gallery, newest first.</summary>
    ValueTask<IReadOnlyList<GalleryRecord>> ListGalleryAsync(ChatKey chat, GalleryKind kind, int offset, int count, IReadOnlyList<MessageSpan>? spans, CancellationToken cancellationToken);

    /// <summary>One gallery item, or null.</summary>
    ValueTask<GalleryRecord?> GetGalleryItemAsync(ChatKey chat, GalleryKind kind, long id, CancellationToken cancellationToken);

    /// <summary>Removes one attachment or link from its message; false when it did not exist.</summary>
    ValueTask<bool> DeleteGalleryItemAsync(ChatKey chat, GalleryKind kind, long id, CancellationToken cancellationToken);

    /// <summary>Where each of these chats stands; chats without messages are left out.</summary>
    ValueTask<IReadOnlyList<ChatActivity>> GetActivityAsync(IReadOnlyCollection<ChatKey> chats, CancellationToken cancellationToken);

    /// <summary>The id of a chat's newest message ever sent, 0 when none.</summary>
    ValueTask<long> GetLastIdAsync(ChatKey chat, CancellationToken cancellationToken);

    /// <summary>The dialogs with at least one message that this entity is a side of.</summary>
    ValueTask<IReadOnlyList<ChatKey>> ListDialogsAsync(long entityId, CancellationToken cancellationToken);

    /// <summary>Removes a chat's whole history, with its reactions, versions and index words.</summary>
    ValueTask DeleteChatAsync(ChatKey chat, CancellationToken cancellationToken);
}
