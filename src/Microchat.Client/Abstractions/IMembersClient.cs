using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Conference members and their permissions. Conferences and members are "@alias" or an id as text. Implemented by <see cref="MembersClient"/>; mock it in tests.</summary>
public interface IMembersClient
{
    /// <summary>A page of a conference's members in joining order (<c>GET /chats/@{conf}/members</c>).</summary>
    Task<List<Member>> ListAsync(string conference, int? offset = null, int? count = null, CancellationToken cancellationToken = default);

    /// <summary>Adds a user or bot by alias or id, or joins a public conference by naming oneself (<c>POST /chats/@{conf}/members</c>).</summary>
    Task<Member> AddAsync(string conference, AddMemberRequest request, CancellationToken cancellationToken = default);

    /// <summary>One member (<c>GET /chats/@{conf}/members/@{alias}</c>).</summary>
    Task<Member> GetAsync(string conference, string member, CancellationToken cancellationToken = default);

    /// <summary>Removes a member, or leaves when the member is the caller (<c>DELETE /chats/@{conf}/members/@{alias}</c>).</summary>
    Task RemoveAsync(string conference, string member, CancellationToken cancellationToken = default);

    /// <summary>A member's permissions (<c>GET /chats/@{conf}/members/@{alias}/permissions</c>).</summary>
    Task<Permissions> GetPermissionsAsync(string conference, string member, CancellationToken cancellationToken = default);

    /// <summary>Changes the flags the patch sets (<c>PATCH /chats/@{conf}/members/@{alias}/permissions</c>); returns the member's new permissions.</summary>
    Task<Permissions> UpdatePermissionsAsync(string conference, string member, PermissionsPatch patch,
        CancellationToken cancellationToken = default);
}
