namespace Microchat.Server.Authentication;

/// <summary>The claims the Microchat scheme puts on its principal.</summary>
internal static class MicrochatClaims
{
    public const string EntityId = "microchat:entity_id";
    public const string EntityType = "microchat:entity_type";
    public const string TokenId = "microchat:token_id";
    public const string Administrator = "microchat:administrator";
}
