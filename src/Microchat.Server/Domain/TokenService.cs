using Microchat.Contracts;
using Microchat.Server.Authentication;
using Microchat.Server.Errors;
using Microchat.Server.Events;
using Microchat.Server.Http;
using Microchat.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Microchat.Server.Domain;

/// <summary>Password logins, bearer tokens and their revocation.</summary>
internal sealed class TokenService(
    IEntityStore entities,
    ITokenStore tokens,
    IPasswordHasher<EntityRecord> hasher,
    IOptionsMonitor<MicrochatOptions> options,
    UnitOfWorkRunner units,
    EventPublisher log,
    TokenSessionCache cache,
    MicrochatClock clock)
{
    public const int MaxNameLength = 64;

    // last_used_at is informative; writing it on every request would make each read a write.
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    // Verifying against a fixed hash when the login is unknown keeps both failures equally slow.
    private static readonly string DummyHash = new PasswordHasher<EntityRecord>()
        .HashPassword(new EntityRecord { Alias = "nobody", Type = EntityType.User, CreatedAt = default }, "not a password");

    public async ValueTask<CreatedToken> LoginAsync(CreateTokenRequest request, CancellationToken ct)
    {
        new FieldErrors()
            .Require(!string.IsNullOrEmpty(request.Login), "login", "login is required.")
            .Require(!string.IsNullOrEmpty(request.Password), "password", "password is required.")
            .Require(request.Name is null || request.Name.Length <= MaxNameLength, "name", $"name is at most {MaxNameLength} characters.")
            .RequireNoControlCharacters(request.Name, "name")
            .ThrowIfAny();

        var user = AliasRules.IsValid(request.Login) ? await entities.FindByAliasAsync(request.Login, ct) : null;
        var verdict = hasher.VerifyHashedPassword(user ?? new EntityRecord { Alias = "nobody", Type = EntityType.User, CreatedAt = default },
            user?.PasswordHash ?? DummyHash, request.Password);
        if (user is null || user.Type != EntityType.User || user.PasswordHash is null || verdict == PasswordVerificationResult.Failed)
            throw DomainException.Unauthorized("The login or the password is wrong.");

        var rehashed = verdict == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(user, request.Password) : null;
        return await units.RunAsync([user.Id], async inner =>
        {
            if (rehashed is not null) await entities.UpdateAsync(user with { PasswordHash = rehashed }, inner);
            return await IssueAsync(user.Id, request.Name, inner);
        }, ct);
    }

    /// <summary>Makes a new token for an entity; the secret is returned this once.</summary>
    public async ValueTask<CreatedToken> IssueAsync(long ownerId, string? name, CancellationToken ct)
    {
        var secret = TokenSecrets.NewSecret();
        var stored = await tokens.CreateAsync(new TokenRecord
        {
            OwnerId = ownerId,
            Hash = TokenSecrets.Hash(secret),
            Name = name,
            CreatedAt = clock.Now(),
        }, ct);
        return new CreatedToken(stored.Id, secret, stored.Name, stored.CreatedAt);
    }

    public async ValueTask<TokenSession?> AuthenticateAsync(string secret, CancellationToken ct)
    {
        var hash = TokenSecrets.Hash(secret);
        var now = clock.Now();
        if (cache.TryGet(hash, out var cached, out var touched))
        {
            if (now - touched > TouchInterval) await TouchAsync(hash, cached, now, ct);
            return cached;
        }

        var generation = cache.Generation;
        var token = await tokens.FindByHashAsync(hash, ct);
        if (token is null) return null;
        var entity = await entities.FindAsync(token.OwnerId, ct);
        if (entity is null) return null;

        var isAdministrator = entity.Type == EntityType.User && options.CurrentValue.Administrators
            .Any(alias => string.Equals(alias, entity.Alias, StringComparison.OrdinalIgnoreCase));
        var session = new TokenSession(entity, token.Id, isAdministrator);
        if (token.LastUsedAt is null || now - token.LastUsedAt > TouchInterval) await TryTouchAsync(token.Id, now, ct);
        cache.Add(hash, session, token.LastUsedAt is { } used && now - used <= TouchInterval ? used : now, generation);
        return session;
    }

    private async ValueTask TouchAsync(string hash, TokenSession session, DateTimeOffset now, CancellationToken ct)
    {
        var generation = cache.Generation;
        await TryTouchAsync(session.TokenId, now, ct);
        cache.Add(hash, session, now, generation);
    }

    // A store that cannot write just now (a full disk) must not turn every authenticated read into
    // an error: last_used_at is informative, and is written at a later request.
    private async ValueTask TryTouchAsync(long tokenId, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await tokens.TouchAsync(tokenId, now, ct);
        }
        catch (StorageUnavailableException)
        {
        }
    }

    public async ValueTask<IReadOnlyList<TokenInfo>> ListAsync(Caller caller, PageQuery page, CancellationToken ct)
    {
        RequireUser(caller);
        var list = await tokens.ListAsync(caller.Id, page.Skip, page.Take, ct);
        return list.Select(t => new TokenInfo(t.Id, t.Name, t.CreatedAt, t.LastUsedAt, t.Id == caller.TokenId)).ToList();
    }

    public async ValueTask RevokeAsync(Caller caller, long tokenId, CancellationToken ct)
    {
        RequireUser(caller);
        await units.RunAsync([caller.Id], async inner =>
        {
            if (!await tokens.DeleteAsync(caller.Id, tokenId, inner)) throw DomainException.NotFound($"Token {tokenId}");
            // Streams opened with the token end with it, on every host.
            await log.PublishControlAsync(ControlEvents.RevokeToken(caller.Id, tokenId, clock.Now()));
        }, ct);
    }

    private static void RequireUser(Caller caller)
    {
        if (caller.IsBot) throw DomainException.Forbidden("Bots manage no tokens: a bot's token is issued when the bot is created.");
    }
}
