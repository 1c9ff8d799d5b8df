using Microchat.Contracts;

namespace Microchat.Client;

// Reactions and edit history: thin calls over the transport, like the rest of MessagesClient.
public sealed partial class MessagesClient
{
    /// <summary>Reacts to a message with one emoji (<c>PUT …/messages/{id}/reactions/{emoji}</c>); reacting twice changes nothing.</summary>
    public async Task ReactAsync(string chat, long id, string emoji, CancellationToken cancellationToken = default)
    {
        using var response = await _transport.SendRawAsync(new MicrochatRequest(HttpMethod.Put, Reaction(chat, id, emoji)), cancellationToken);
    }

    /// <summary>Removes the caller's own reaction with this emoji (<c>DELETE …/reactions/{emoji}</c>).</summary>
    public Task UnreactAsync(string chat, long id, string emoji, CancellationToken cancellationToken = default) =>
        _transport.DeleteAsync(Reaction(chat, id, emoji), cancellationToken);

    /// <summary>Who reacted to a message with this emoji, oldest first.</summary>
    public Task<List<EntitySummary>> ListReactorsAsync(string chat, long id, string emoji, int? offset = null, int? count = null,
        CancellationToken cancellationToken = default) =>
        _transport.GetAsync<List<EntitySummary>>(
            MicrochatTransport.Query(Reaction(chat, id, emoji), ("offset", offset), ("count", count)), cancellationToken);

    /// <summary>A message's earlier versions, newest first (<c>GET …/messages/{id}/versions</c>).</summary>
    public Task<List<MessageVersion>> ListVersionsAsync(string chat, long id, int? offset = null, int? count = null,
        CancellationToken cancellationToken = default) =>
        _transport.GetAsync<List<MessageVersion>>(
            MicrochatTransport.Query($"{Messages(chat)}/{id}/versions", ("offset", offset), ("count", count)), cancellationToken);

    private static string Reaction(string chat, long id, string emoji) =>
        $"{Messages(chat)}/{id}/reactions/{Uri.EscapeDataString(emoji)}";
}
