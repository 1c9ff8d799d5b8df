using Microchat.Contracts;

namespace Microchat.Client;

// Message search.
public sealed partial class MessagesClient
{
    /// <summary>
    /// Messages holding every word of <paramref name="q"/>, newest first (<c>GET /search/messages</c>): across the caller's chats,
    /// or in <paramref name="chat"/> only ("@alias" or an id), where <paramref name="before"/> pages back from a message id.
    /// </summary>
    public Task<List<Message>> SearchAsync(string q, string? chat = null, long? before = null, int? offset = null, int? count = null,
        CancellationToken cancellationToken = default) =>
        _transport.GetAsync<List<Message>>(
            MicrochatTransport.Query("search/messages", ("q", q), ("chat", chat), ("before", before), ("offset", offset), ("count", count)),
            cancellationToken);
}
