using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task ADatabaseOfTheFirstStep_GetsTheFeatureTables_AndItsMessagesAndEntitiesBecomeSearchable()
    {
        var connectionString = TestDatabase.FreshSchema();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            // The database as a build with only step 1 left it, with a message and a user in it.
            await connection.OpenAsync();
            await connection.ExecuteAsync("CREATE TABLE schema_version (version integer NOT NULL); INSERT INTO schema_version VALUES (1)",
                CancellationToken.None);
            await connection.ExecuteAsync(PgSchema.Migrations[0].Sql, CancellationToken.None);
            await connection.ExecuteAsync(
                """
                INSERT INTO messages (chat, id, sender_id, text, attachment_ids, attachment_kinds, attachment_media, link_ids, link_urls, sent_at)
                VALUES ('c:9', 1, 1, 'Älteres Frühstück', '{}', '{}', '{}', '{}', '{}', now());
                INSERT INTO entities (alias, type, created_at, name, surname) VALUES ('old_timer', 0, now(), 'Olga', 'Early');
                """, CancellationToken.None);
        }

        var services = new ServiceCollection().AddLogging();
        services.AddMicrochat().UsePostgreSql(connectionString);
        await using var provider = services.BuildServiceProvider();
        var messages = provider.GetRequiredService<IMessageSearchStore>();
        var entities = provider.GetRequiredService<IEntitySearchStore>();

        var hits = await messages.SearchAsync([new ChatKey("c:9")], SearchWords.Of("alter fruh"), null, CancellationToken.None);
        Assert.Equal([1L], hits.Select(h => h.MessageId));
        Assert.Equal(["old_timer"], (await entities.SearchAsync(SearchWords.Of("olg ear"), CancellationToken.None)).Select(e => e.Alias));
    }
}
