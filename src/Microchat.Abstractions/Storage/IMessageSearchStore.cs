namespace Microchat.Storage;

/// <summary>
/// Finds messages by the words of their text (<see cref="SearchWords"/>), from a word index that
/// <see cref="IMessageStore"/> keeps in the same commit as each message it appends, edits or deletes:
/// a search reads index entries of the matching words, never a chat's whole history.
/// </summary>
public interface IMessageSearchStore
{
    /// <summary>
    /// The messages of these chats having, for every one of <paramref name="words"/>, a word that starts
    /// with it; only ids below <paramref name="before"/> when given. In no particular order.
    /// </summary>
    ValueTask<IReadOnlyList<SearchHit>> SearchAsync(IReadOnlyCollection<ChatKey> chats, IReadOnlyList<string> words, long? before,
        CancellationToken cancellationToken);

    /// <summary>These messages (of any chats) that exist, in one call, in no particular order.</summary>
    ValueTask<IReadOnlyList<(ChatKey Chat, MessageRecord Message)>> GetManyAsync(IReadOnlyCollection<(ChatKey Chat, long MessageId)> messages,
        CancellationToken cancellationToken);
}
