using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Conference members and their permissions. Conferences and members are "@alias" or an id as text.</summary>
public sealed partial class MembersClient : IMembersClient
{
    private readonly MicrochatTransport _transport;

    internal MembersClient(MicrochatTransport transport) => _transport = transport;

    /// <summary>A page of a conference's members in joining order (<c>GET /chats/@{conf}/members</c>).</summary>
    public Task<List<Member>> ListAsync(string conference, int? offset = null, int? count = null, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<List<Member>>(
            MicrochatTransport.Query(Path(conference), ("offset", offset), ("count", count)), cancellationToken);

    /// <summary>Adds a user or bot by alias or id, or joins a public conference by naming oneself (<c>POST /chats/@{conf}/members</c>).</summary>
    public Task<Member> AddAsync(string conference, AddMemberRequest request, CancellationToken cancellationToken = default) =>
        _transport.PostAsync<AddMemberRequest, Member>(Path(conference), request, cancellationToken);

    /// <summary>One member (<c>GET /chats/@{conf}/members/@{alias}</c>).</summary>
    public Task<Member> GetAsync(string conference, string member, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<Member>(Path(conference, member), cancellationToken);

    /// <summary>Removes a member, or leaves when the member is the caller (<c>DELETE /chats/@{conf}/members/@{alias}</c>).</summary>
    public Task RemoveAsync(string conference, string member, CancellationToken cancellationToken = default) =>
        _transport.DeleteAsync(Path(conference, member), cancellationToken);

    /// <summary>A member's permissions (<c>GET /chats/@{conf}/members/@{alias}/permissions</c>).</summary>
    public Task<Permissions> GetPermissionsAsync(string conference, string member, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<Permissions>($"{Path(conference, member)}/permissions", cancellationToken);

    /// <summary>Changes the flags the patch sets (<c>PATCH /chats/@{conf}/members/@{alias}/permissions</c>); returns the member's new permissions.</summary>
    public Task<Permissions> UpdatePermissionsAsync(string conference, string member, PermissionsPatch patch,
        CancellationToken cancellationToken = default) =>
        _transport.PatchAsync<PermissionsPatch, Permissions>($"{Path(conference, member)}/permissions", patch, cancellationToken);

    private static string Path(string conference) => $"chats/{MicrochatTransport.Ref(conference)}/members";

    private static string Path(string conference, string member) => $"{Path(conference)}/{MicrochatTransport.Ref(member)}";
}
