using System.Globalization;
using Npgsql;

namespace Microchat.LoadTest.Infra;

/// <summary>
/// A database of its own on the configured PostgreSQL server for one run, so runs never see each
/// other's users or messages; dropped on dispose (with the hosts' connections, which are gone by then).
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>The variable <c>build/start-postgres.sh</c> exports; the same the store's tests read.</summary>
    public const string Variable = "MICROCHAT_TEST_POSTGRES";

    private readonly string server;

    public string Name { get; }
    public string ConnectionString { get; }

    private PostgresDatabase(string server, string name, string connectionString)
    {
        this.server = server;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The server's connection string from <see cref="Variable"/>, or null when none is configured.</summary>
    public static string? Configured() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    public static async Task<PostgresDatabase> CreateAsync(string server)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"microchat_bench_{Environment.ProcessId}_{DateTime.UtcNow:yyyyMMddHHmmss}");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new PostgresDatabase(server, name, builder.ConnectionString);
    }

    /// <summary>
    /// What each backend of this database running a statement right now waits on (a sample of
    /// pg_stat_activity): "CPU" when it waits on nothing, else wait_event_type:wait_event.
    /// </summary>
    public async Task<List<string>> ActiveBackendsAsync()
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') FROM pg_stat_activity WHERE datname = @name AND state = 'active'",
            connection);
        command.Parameters.AddWithValue("name", Name);
        await using var reader = await command.ExecuteReaderAsync();
        var waits = new List<string>();
        while (await reader.ReadAsync()) waits.Add(reader.GetString(0));
        return waits;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // A database left behind costs disk space on a throwaway cluster, not a failed run.
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        // Unpooled: no idle session of the tool lingers on the server after the run.
        var builder = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
