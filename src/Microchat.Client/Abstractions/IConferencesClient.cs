using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Conferences and their default permissions. Implemented by <see cref="ConferencesClient"/>; mock it in tests.</summary>
public interface IConferencesClient
{
    /// <summary>Creates a conference owned by the caller (<c>POST /conferences</c>).</summary>
    Task<ChatDetails> CreateAsync(CreateConferenceRequest request, CancellationToken cancellationToken = default);

    /// <summary>The permissions a new member starts with (<c>GET /chats/@{conf}/permissions</c>); conference is "@alias" or an id.</summary>
    Task<Permissions> GetDefaultPermissionsAsync(string conference, CancellationToken cancellationToken = default);

    /// <summary>Changes the flags the patch sets in the defaults (<c>PATCH /chats/@{conf}/permissions</c>); returns the new defaults.</summary>
    Task<Permissions> UpdateDefaultPermissionsAsync(string conference, PermissionsPatch patch, CancellationToken cancellationToken = default);
}
