using Npgsql;
using Xunit;

namespace Microchat.Storage.PostgreSql.Tests;

/// <summary>Start-up migration: versioned, idempotent, and safe when several hosts start at once.</summary>
public sealed class SchemaMigrationTests
{
    [Fact]
    public async Task HostsStartingTogether_ApplyEachMigrationOnce_AndAgainIsANoOp()
    {
        var connectionString = TestDatabase.FreshSchema();
        var databases = Enumerable.Range(0, 4).Select(_ => new PgDatabase(connectionString)).ToList();
        try
        {
            await Task.WhenAll(databases.Select(d => PgSchema.MigrateAsync(d.DataSource, CancellationToken.None)));
            await PgSchema.MigrateAsync(databases[0].DataSource, CancellationToken.None);

            await using var connection = await databases[0].DataSource.OpenConnectionAsync();
            var versions = await connection.QueryAsync("SELECT version FROM schema_version ORDER BY version", r => r.GetInt32(0),
                CancellationToken.None);
            Assert.Equal(Enumerable.Range(1, PgSchema.Version), versions);
            Assert.Equal(1, await connection.ScalarAsync("SELECT count(*) FROM event_log", CancellationToken.None));
        }
        finally
        {
            foreach (var d in databases) await d.DisposeAsync();
        }
    }
}
