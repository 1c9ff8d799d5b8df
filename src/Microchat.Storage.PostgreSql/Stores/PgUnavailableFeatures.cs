namespace Microchat.Storage.PostgreSql.Stores;

/// <summary>
/// The stores of features this provider does not have yet: reactions, edit history, search and bot
/// webhooks. Reads that every message needs (its reactions) answer "none"; everything else refuses
/// with <see cref="StoreFeatureUnavailableException"/> (a 501), so nothing pretends to work.
/// </summary>
internal sealed class PgUnavailableFeatures : IReactionStore, IMessageVersionStore, IMessageSearchStore, IEntitySearchStore, IWebhookStore
{
    private static StoreFeatureUnavailableException Unavailable(string feature) => new(feature);

    public ValueTask<ReactionChange> AddAsync(ChatKey chat, long messageId, string emoji, long reactorId, DateTimeOffset at, int maxDistinct,
        CancellationToken cancellationToken) => throw Unavailable("Reactions");

    public ValueTask<ReactionChange> RemoveAsync(ChatKey chat, long messageId, string emoji, long reactorId, CancellationToken cancellationToken) =>
        throw Unavailable("Reactions");

    public ValueTask<IReadOnlyList<long>> ListReactorsAsync(ChatKey chat, long messageId, string emoji, int offset, int count,
        CancellationToken cancellationToken) => throw Unavailable("Reactions");

    public ValueTask<IReadOnlyList<MessageReactions>> GetAsync(IReadOnlyCollection<(ChatKey Chat, long MessageId)> messages, long viewerId,
        CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<MessageReactions>>([]);

    public ValueTask<ReactionState> GetStateAsync(ChatKey chat, long messageId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ReactionState([], new Dictionary<long, IReadOnlyList<string>>()));

    public ValueTask<IReadOnlyList<MessageVersionRecord>> ListAsync(ChatKey chat, long messageId, int offset, int count,
        CancellationToken cancellationToken) => throw Unavailable("Edit history");

    public ValueTask<IReadOnlyList<SearchHit>> SearchAsync(IReadOnlyCollection<ChatKey> chats, IReadOnlyList<string> words, long? before,
        CancellationToken cancellationToken) => throw Unavailable("Message search");

    public ValueTask<IReadOnlyList<(ChatKey Chat, MessageRecord Message)>> GetManyAsync(IReadOnlyCollection<(ChatKey Chat, long MessageId)> messages,
        CancellationToken cancellationToken) => throw Unavailable("Message search");

    public ValueTask<IReadOnlyList<EntityRecord>> SearchAsync(IReadOnlyList<string> words, CancellationToken cancellationToken) =>
        throw Unavailable("Chat search");

    public ValueTask<WebhookRecord?> FindAsync(long botId, CancellationToken cancellationToken) => ValueTask.FromResult<WebhookRecord?>(null);

    public ValueTask<IReadOnlyList<WebhookRecord>> ListAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<WebhookRecord>>([]);

    public ValueTask SaveAsync(WebhookRecord webhook, CancellationToken cancellationToken) => throw Unavailable("Bot webhooks");

    public ValueTask<bool> DeleteAsync(long botId, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    public ValueTask<bool> RecordDeliveryAsync(long botId, long eventId, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    public ValueTask<bool> RecordFailureAsync(long botId, string error, DateTimeOffset at, CancellationToken cancellationToken) =>
        ValueTask.FromResult(false);
}
