using System.Globalization;
using Microchat.Server.Errors;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>Turns a path's <c>@alias</c> or numeric id into the entity it names.</summary>
internal sealed class EntityResolver(IEntityStore entities)
{
    /// <summary>The entity, or a 404; a reference that is neither form is a 400 on <paramref name="field"/>.</summary>
    public async ValueTask<EntityRecord> ResolveAsync(string reference, string field, CancellationToken ct)
    {
        var entity = await FindAsync(reference, field, ct);
        return entity ?? throw DomainException.NotFound($"'{reference}'");
    }

    public async ValueTask<EntityRecord?> FindAsync(string reference, string field, CancellationToken ct)
    {
        if (reference.StartsWith('@'))
        {
            var alias = reference[1..];
            // A malformed alias cannot name anything: say so rather than "not found".
            if (!AliasRules.IsValid(alias)) throw DomainException.Invalid(field, AliasRules.Description);
            return await entities.FindByAliasAsync(alias, ct);
        }
        if (long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            return await entities.FindAsync(id, ct);
        throw DomainException.Invalid(field, "Expected @alias or a positive numeric id.");
    }
}
