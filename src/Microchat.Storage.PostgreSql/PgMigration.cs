using Npgsql;

namespace Microchat.Storage.PostgreSql;

/// <summary>
/// One numbered schema step: its SQL and, when rows made before it need values only code can compute
/// (search words, say), a backfill that runs right after the SQL in the same transaction.
/// </summary>
internal sealed record PgMigration(string Sql, Func<NpgsqlConnection, CancellationToken, Task>? Backfill = null);
