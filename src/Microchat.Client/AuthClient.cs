using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Accounts, logins and tokens.</summary>
public sealed class AuthClient : IAuthClient
{
    private readonly MicrochatTransport _transport;

    internal AuthClient(MicrochatTransport transport) => _transport = transport;

    /// <summary>Creates a user account (<c>POST /users</c>).</summary>
    public Task<ChatDetails> RegisterAsync(RegisterUserRequest request, CancellationToken cancellationToken = default) =>
        _transport.PostAsync<RegisterUserRequest, ChatDetails>("users", request, cancellationToken);

    /// <summary>Logs in with a password (<c>POST /auth/tokens</c>) and, by default, uses the new token from now on.</summary>
    public async Task<CreatedToken> LoginAsync(CreateTokenRequest request, bool useToken = true, CancellationToken cancellationToken = default)
    {
        var token = await _transport.PostAsync<CreateTokenRequest, CreatedToken>("auth/tokens", request, cancellationToken);
        if (useToken) _transport.Token = token.Token;
        return token;
    }

    /// <summary>The caller's live tokens (<c>GET /auth/tokens</c>).</summary>
    public Task<List<TokenInfo>> ListTokensAsync(int? offset = null, int? count = null, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<List<TokenInfo>>(MicrochatTransport.Query("auth/tokens", ("offset", offset), ("count", count)), cancellationToken);

    /// <summary>Revokes one of the caller's tokens (<c>DELETE /auth/tokens/{id}</c>).</summary>
    public Task RevokeTokenAsync(long id, CancellationToken cancellationToken = default) =>
        _transport.DeleteAsync($"auth/tokens/{id}", cancellationToken);
}
