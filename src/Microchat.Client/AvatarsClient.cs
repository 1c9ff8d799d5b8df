using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Avatars of users, bots and conferences.</summary>
public sealed partial class AvatarsClient : IAvatarsClient
{
    private readonly MicrochatTransport _transport;

    internal AvatarsClient(MicrochatTransport transport) => _transport = transport;

    /// <summary>An entity's avatars, newest (the current one) first (<c>GET /chats/{chat}/avatars</c>); chat is "@alias" or an id.</summary>
    public Task<List<Avatar>> ListAsync(string chat, int? offset = null, int? count = null, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<List<Avatar>>(
            MicrochatTransport.Query($"chats/{MicrochatTransport.Ref(chat)}/avatars", ("offset", offset), ("count", count)), cancellationToken);

    /// <summary>Makes an uploaded photo the entity's current avatar (<c>POST /chats/{chat}/avatars</c>).</summary>
    public Task<Avatar> SetAsync(string chat, string mediaId, CancellationToken cancellationToken = default) =>
        _transport.PostAsync<SetAvatarRequest, Avatar>($"chats/{MicrochatTransport.Ref(chat)}/avatars", new SetAvatarRequest(mediaId), cancellationToken);

    /// <summary>Removes one of an entity's avatars (<c>DELETE /chats/{chat}/avatars/{id}</c>).</summary>
    public Task DeleteAsync(string chat, long id, CancellationToken cancellationToken = default) =>
        _transport.DeleteAsync($"chats/{MicrochatTransport.Ref(chat)}/avatars/{id}", cancellationToken);
}
