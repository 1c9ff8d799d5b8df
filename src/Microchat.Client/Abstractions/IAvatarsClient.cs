using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Avatars of users, bots and conferences. Implemented by <see cref="AvatarsClient"/>; mock it in tests.</summary>
public interface IAvatarsClient
{
    /// <summary>An entity's avatars, newest (the current one) first (<c>GET /chats/{chat}/avatars</c>); chat is "@alias" or an id.</summary>
    Task<List<Avatar>> ListAsync(string chat, int? offset = null, int? count = null, CancellationToken cancellationToken = default);

    /// <summary>Makes an uploaded photo the entity's current avatar (<c>POST /chats/{chat}/avatars</c>).</summary>
    Task<Avatar> SetAsync(string chat, string mediaId, CancellationToken cancellationToken = default);

    /// <summary>Removes one of an entity's avatars (<c>DELETE /chats/{chat}/avatars/{id}</c>).</summary>
    Task DeleteAsync(string chat, long id, CancellationToken cancellationToken = default);
}
