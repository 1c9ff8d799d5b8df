namespace Microchat.Storage;

/// <summary>Persists how far each reader has read each chat.</summary>
public interface IReadMarkerStore
{
    /// <summary>Moves a reader's marker forward to this message id; a smaller id leaves it as it is.</summary>
    ValueTask SetAsync(long readerId, ChatKey chat, long messageId, CancellationToken cancellationToken);

    /// <summary>The reader's markers for these chats; a chat never read is left out.</summary>
    ValueTask<IReadOnlyDictionary<ChatKey, long>> GetAsync(long readerId, IReadOnlyCollection<ChatKey> chats, CancellationToken cancellationToken);

    /// <summary>Forgets every marker of a chat.</summary>
    ValueTask DeleteChatAsync(ChatKey chat, CancellationToken cancellationToken);

    /// <summary>Forgets every marker of a reader.</summary>
    ValueTask DeleteReaderAsync(long readerId, CancellationToken cancellationToken);
}
