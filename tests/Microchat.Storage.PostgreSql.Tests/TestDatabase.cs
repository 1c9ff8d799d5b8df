using Npgsql;

namespace Microchat.Storage.PostgreSql.Tests;

/// <summary>The test server named by MICROCHAT_TEST_POSTGRES (see build/start-postgres.sh), and fresh schemas on it.</summary>
internal static class TestDatabase
{
    public const string Variable = "MICROCHAT_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Why the PostgreSQL tests cannot run here, or null when they can (in CI they must: see <see cref="PostgresTestFramework"/>).</summary>
    public static string? SkipReason =>
        ConnectionString is not null || IsCi ? null
            : $"{Variable} is not set: no PostgreSQL server to test against (run build/start-postgres.sh as root to start one).";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Required => ConnectionString
        ?? throw new InvalidOperationException($"{Variable} must name a PostgreSQL server when CI=true: the PostgreSQL tests may not be skipped in CI.");

    /// <summary>Creates an empty schema and returns a connection string whose search path is it, so each test starts from nothing.</summary>
    public static string FreshSchema()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(Required))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA {name}", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(Required) { SearchPath = name }.ConnectionString;
    }
}
