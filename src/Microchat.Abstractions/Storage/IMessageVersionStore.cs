namespace Microchat.Storage;

/// <summary>
/// Reads messages' edit histories. <see cref="IMessageStore.UpdateAsync"/> keeps the version it
/// replaces in the same commit, and a deleted message or chat takes its versions with it.
/// </summary>
public interface IMessageVersionStore
{
    /// <summary>A message's earlier versions, newest first.</summary>
    ValueTask<IReadOnlyList<MessageVersionRecord>> ListAsync(ChatKey chat, long messageId, int offset, int count,
        CancellationToken cancellationToken);
}
