using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>A token that authenticated a request, with the entity it signs in.</summary>
internal sealed record TokenSession(EntityRecord Entity, long TokenId, bool IsAdministrator);
