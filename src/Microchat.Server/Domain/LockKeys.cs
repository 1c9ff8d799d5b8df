using System.Globalization;

namespace Microchat.Server.Domain;

/// <summary>The names units of work lock by: one per entity (a user, bot or conference), one per idempotency key.</summary>
internal static class LockKeys
{
    public static string Entity(long id) => "entity:" + id.ToString(CultureInfo.InvariantCulture);

    public static string Idempotency(string storeKey) => "idempotency:" + storeKey;
}
