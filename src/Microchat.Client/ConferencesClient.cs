using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Conferences and their default permissions.</summary>
public sealed partial class ConferencesClient : IConferencesClient
{
    private readonly MicrochatTransport _transport;

    internal ConferencesClient(MicrochatTransport transport) => _transport = transport;

    /// <summary>Creates a conference owned by the caller (<c>POST /conferences</c>).</summary>
    public Task<ChatDetails> CreateAsync(CreateConferenceRequest request, CancellationToken cancellationToken = default) =>
        _transport.PostAsync<CreateConferenceRequest, ChatDetails>("conferences", request, cancellationToken);

    /// <summary>The permissions a new member starts with (<c>GET /chats/@{conf}/permissions</c>); conference is "@alias" or an id.</summary>
    public Task<Permissions> GetDefaultPermissionsAsync(string conference, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<Permissions>($"chats/{MicrochatTransport.Ref(conference)}/permissions", cancellationToken);

    /// <summary>Changes the flags the patch sets in the defaults (<c>PATCH /chats/@{conf}/permissions</c>); returns the new defaults.</summary>
    public Task<Permissions> UpdateDefaultPermissionsAsync(string conference, PermissionsPatch patch, CancellationToken cancellationToken = default) =>
        _transport.PatchAsync<PermissionsPatch, Permissions>($"chats/{MicrochatTransport.Ref(conference)}/permissions", patch, cancellationToken);
}
