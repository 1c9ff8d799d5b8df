using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microchat.Server.Http;

namespace Microchat.Server.Domain;

/// <summary>Creating user accounts.</summary>
internal sealed class AccountService(
    IEntityStore entities,
    IPasswordHasher<EntityRecord> hasher,
    IOptionsMonitor<MicrochatOptions> options,
    UnitOfWorkRunner units,
    MicrochatClock clock)
{
    public async ValueTask<EntityRecord> RegisterAsync(RegisterUserRequest request, CancellationToken ct)
    {
        if (!options.CurrentValue.AllowRegistration)
            throw DomainException.Forbidden("Registration is turned off on this server.");

        new FieldErrors()
            .RequireAlias(request.Alias)
            .Require(request.Password is { Length: >= ProfileRules.MinPasswordLength and <= ProfileRules.MaxPasswordLength },
                "password", $"password is {ProfileRules.MinPasswordLength} to {ProfileRules.MaxPasswordLength} characters.")
            .RequireText(request.Name, "name", ProfileRules.MaxNameLength)
            .OptionalText(request.Surname, "surname", ProfileRules.MaxNameLength)
            .OptionalText(request.Bio, "bio", ProfileRules.MaxBioLength)
            .ThrowIfAny();

        var user = new EntityRecord
        {
            Alias = request.Alias,
            Type = EntityType.User,
            CreatedAt = clock.Now(),
            Name = request.Name.Trim(),
            Surname = string.IsNullOrWhiteSpace(request.Surname) ? null : request.Surname.Trim(),
            Bio = request.Bio,
        };
        user = user with { PasswordHash = hasher.HashPassword(user, request.Password) };
        return await units.RunAsync(async inner => await entities.TryCreateAsync(user, inner)
            ?? throw DomainException.Conflict($"The alias '{request.Alias}' is taken."), ct);
    }
}
