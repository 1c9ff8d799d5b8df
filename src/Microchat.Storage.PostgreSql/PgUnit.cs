using Npgsql;

namespace Microchat.Storage.PostgreSql;

/// <summary>
/// One unit of work in flight: its connection, its transaction and the lock keys it holds. Stores
/// find it through <see cref="Current"/> and run their statements in it.
/// </summary>
internal sealed class PgUnit(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    private static readonly AsyncLocal<PgUnit?> Ambient = new();

    /// <summary>The unit the calling flow runs in, or null.</summary>
    public static PgUnit? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    /// <summary>The keys already locked, so a joining unit locks only what is new.</summary>
    public HashSet<string> Locked { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// One statement at a time on the unit's connection: work that starts store calls in parallel
    /// (Task.WhenAll) would otherwise send two commands down one connection at once.
    /// </summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);
}
