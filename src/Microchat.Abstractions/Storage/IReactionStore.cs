namespace Microchat.Storage;

/// <summary>
/// Persists reactions to messages and each message's counts, changed together atomically; a
/// message's reactions go with it when <see cref="IMessageStore"/> deletes it or its chat.
/// </summary>
public interface IReactionStore
{
    /// <summary>
    /// Adds the reactor's reaction with this emoji unless it is there already; refuses a new distinct
    /// emoji beyond <paramref name="maxDistinct"/>. Atomic, so concurrent reactors are all counted.
    /// </summary>
    ValueTask<ReactionChange> AddAsync(ChatKey chat, long messageId, string emoji, long reactorId, DateTimeOffset at,
        int maxDistinct, CancellationToken cancellationToken);

    /// <summary>Removes the reactor's reaction with this emoji; atomic with the counts.</summary>
    ValueTask<ReactionChange> RemoveAsync(ChatKey chat, long messageId, string emoji, long reactorId, CancellationToken cancellationToken);

    /// <summary>Who reacted to a message with this emoji, oldest first.</summary>
    ValueTask<IReadOnlyList<long>> ListReactorsAsync(ChatKey chat, long messageId, string emoji, int offset, int count,
        CancellationToken cancellationToken);

    /// <summary>The reactions of these messages as the viewer sees them, in one call; messages without reactions are left out.</summary>
    ValueTask<IReadOnlyList<MessageReactions>> GetAsync(IReadOnlyCollection<(ChatKey Chat, long MessageId)> messages, long viewerId,
        CancellationToken cancellationToken);

    /// <summary>All of one message's reactions, with every reactor's emoji.</summary>
    ValueTask<ReactionState> GetStateAsync(ChatKey chat, long messageId, CancellationToken cancellationToken);
}
