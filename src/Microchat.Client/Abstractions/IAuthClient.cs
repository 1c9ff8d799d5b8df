using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Accounts, logins and tokens. Implemented by <see cref="AuthClient"/>; mock it in tests.</summary>
public interface IAuthClient
{
    /// <summary>Creates a user account (<c>POST /users</c>).</summary>
    Task<ChatDetails> RegisterAsync(RegisterUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>Logs in with a password (<c>POST /auth/tokens</c>) and, by default, uses the new token from now on.</summary>
    Task<CreatedToken> LoginAsync(CreateTokenRequest request, bool useToken = true, CancellationToken cancellationToken = default);

    /// <summary>The caller's live tokens (<c>GET /auth/tokens</c>).</summary>
    Task<List<TokenInfo>> ListTokensAsync(int? offset = null, int? count = null, CancellationToken cancellationToken = default);

    /// <summary>Revokes one of the caller's tokens (<c>DELETE /auth/tokens/{id}</c>).</summary>
    Task RevokeTokenAsync(long id, CancellationToken cancellationToken = default);
}
