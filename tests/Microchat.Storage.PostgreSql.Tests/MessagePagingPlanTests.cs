using Microchat.Storage.PostgreSql.Stores;
using Npgsql;
using Xunit;

namespace Microchat.Storage.PostgreSql.Tests;

/// <summary>History paging and replay read index ranges: never the whole chat or log, never a sort of it.</summary>
public sealed class MessagePagingPlanTests
{
    [Fact]
    public async Task APageBeforeAMessage_IsABackwardRangeScanOfThePrimaryKey_WithNoSort()
    {
        var connectionString = TestDatabase.FreshSchema();
        await using var database = new PgDatabase(connectionString);
        await database.EnsureSchemaAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        // Enough rows in other chats that a sequential scan would be the worse plan, and fresh statistics.
        await connection.ExecuteAsync(
            """
            INSERT INTO messages (chat, id, sender_id, text, attachment_ids, attachment_kinds, attachment_media, link_ids, link_urls, sent_at)
            SELECT 'c:' || (n % 50), n, 1, 'x', '{}', '{}', '{}', '{}', '{}', now() FROM generate_series(1, 20000) AS n
            """, CancellationToken.None);
        await connection.ExecuteAsync("ANALYZE messages", CancellationToken.None);

        var plan = string.Join('\n', await connection.QueryAsync("EXPLAIN " + PgMessageStore.PageSql, r => r.GetString(0), CancellationToken.None,
            ("chat", "c:7"), ("from", 1L), ("to", 9000L), ("skip", 0), ("count", 20)));

        Assert.Contains("Index Scan Backward using messages_pkey", plan);
        Assert.DoesNotContain("Seq Scan", plan);
        Assert.DoesNotContain("Sort", plan);
    }

    [Fact]
    public async Task AReplayStep_ReadsTheRecipientsIndex_NotTheWholeLog()
    {
        var connectionString = TestDatabase.FreshSchema();
        await using var database = new PgDatabase(connectionString);
        await database.EnsureSchemaAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO events (id, name, data, recipients, created_at) SELECT n, 'e', '{}', ARRAY[n % 1000, 5000], now() FROM generate_series(1, 20000) AS n",
            CancellationToken.None);
        await connection.ExecuteAsync("ANALYZE events", CancellationToken.None);

        var plan = string.Join('\n', await connection.QueryAsync(
            "EXPLAIN SELECT id FROM events WHERE id > @after AND recipients @> ARRAY[@recipient]::bigint[] ORDER BY id LIMIT @max",
            r => r.GetString(0), CancellationToken.None, ("after", 0L), ("recipient", 7L), ("max", 100)));

        Assert.DoesNotContain("Seq Scan", plan);
        Assert.Contains("Index", plan);
    }

    [Fact]
    public async Task AWordPrefixSearch_IsARangeOfTheWordIndex_NotTheChatsHistory()
    {
        var connectionString = TestDatabase.FreshSchema();
        await using var database = new PgDatabase(connectionString);
        await database.EnsureSchemaAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO message_words (chat, word, message_id, sent_at) SELECT 'c:' || (n % 5), 'w' || n, n, now() FROM generate_series(1, 20000) AS n",
            CancellationToken.None);
        await connection.ExecuteAsync("ANALYZE message_words", CancellationToken.None);

        var (from, to) = PgMessageWords.PrefixRange("w123");
        var plan = string.Join('\n', await connection.QueryAsync("EXPLAIN " + PgMessageWords.PrefixSql, r => r.GetString(0), CancellationToken.None,
            ("chats", new[] { "c:1", "c:2" }), ("from", from), ("to", to), ("before", long.MaxValue)));

        Assert.Contains("message_words_pkey", plan);
        Assert.DoesNotContain("Seq Scan", plan);
    }
}
