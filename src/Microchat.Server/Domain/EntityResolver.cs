using System.Globalization;
using Microchat.Server.Errors;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>
/// Turns a path's <c>@alias</c> or numeric id into the entity it names: from the
/// <see cref="EntityCache"/> outside a unit of work, from the store inside one, where rules are
/// re-checked against what is committed (what a unit reads fills the cache once it commits).
/// </summary>
internal sealed class EntityResolver(IEntityStore entities, EntityCache cache)
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
            if (Cached && cache.TryGetByAlias(alias, out var byAlias)) return byAlias;
            var generation = cache.Generation;
            return Keep(await entities.FindByAliasAsync(alias, ct), generation);
        }
        if (long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            if (Cached && cache.TryGet(id, out var byId)) return byId;
            var generation = cache.Generation;
            return Keep(await entities.FindAsync(id, ct), generation);
        }
        throw DomainException.Invalid(field, "Expected @alias or a positive numeric id.");
    }

    // Rules re-checked inside a unit of work read what is committed, never the cache.
    private static bool Cached => UnitScope.Current is null;

    private EntityRecord? Keep(EntityRecord? found, long generation)
    {
        if (found is not null) cache.Keep(found, generation);
        return found;
    }
}
