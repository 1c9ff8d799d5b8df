using Microchat.Contracts;

namespace Microchat.Client;

// Chat search.
public sealed partial class ChatsClient
{
    /// <summary>Users, bots and conferences whose alias or title has words starting with <paramref name="q"/>'s (<c>GET /search/chats</c>).</summary>
    public Task<List<EntitySummary>> SearchAsync(string q, int? offset = null, int? count = null, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<List<EntitySummary>>(
            MicrochatTransport.Query("search/chats", ("q", q), ("offset", offset), ("count", count)), cancellationToken);
}
