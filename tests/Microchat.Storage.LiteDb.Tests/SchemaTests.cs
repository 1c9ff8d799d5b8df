using LiteDB;
using Microchat.Contracts;
using Microchat.Server;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Microchat.Storage.LiteDb.Tests;

/// <summary>
/// What the provider makes of a database file at start-up: every collection, before any unit of
/// work runs (LiteDB 5 keeps a collection first made inside a transaction that then rolls back in
/// its header, pointing at a discarded page: "page type must be collection page" on the next use),
/// and what a file made by an older version lacks.
/// </summary>
public sealed class SchemaTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"microchat-schema-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task EveryCollection_ExistsBeforeTheFirstWrite()
    {
        await using (var provider = Start()) ResolveEveryStore(provider);

        using var db = new LiteDatabase($"Filename={_path}");
        var names = db.GetCollectionNames().ToHashSet();
        string[] expected =
        [
            "sequences", "media", "_files", "_chunks", "data_protection_keys", "events", "idempotency", "chats", "messages", "gallery",
            "reactions", "reaction_counts", "message_versions", "webhooks", "entities", "members", "member_rosters", "tokens", "avatars",
            "contacts", "read_markers", "message_words", "entity_words",
        ];
        var missing = expected.Except(names).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task MemberRosters_AreBuilt_ForAFileMadeBeforeThem()
    {
        await using (var provider = Start())
        {
            var members = provider.GetRequiredService<IMemberStore>();
            foreach (var id in new long[] { 2, 3, 4 })
                await members.TryJoinAsync(10, id, Permissions.Participant, id == 2, DateTimeOffset.UtcNow, 1, CancellationToken.None);
            await members.LeaveAsync(10, 4, 1, CancellationToken.None);
        }
        using (var db = new LiteDatabase($"Filename={_path}")) db.DropCollection("member_rosters");

        await using var restarted = Start();
        var ids = await restarted.GetRequiredService<IMemberStore>().ListMemberIdsAsync(10, CancellationToken.None);

        Assert.Equal([2L, 3L], ids.Order());
    }

    private ServiceProvider Start()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMicrochat().UseLiteDb($"Filename={_path}");
        return services.BuildServiceProvider();
    }

    private static void ResolveEveryStore(IServiceProvider provider)
    {
        foreach (var type in typeof(IEntityStore).Assembly.GetTypes()
                     .Where(t => t.IsInterface && t.Namespace == "Microchat.Storage" && t.Name.EndsWith("Store", StringComparison.Ordinal)))
            provider.GetRequiredService(type);
    }

    public void Dispose()
    {
        File.Delete(_path);
        File.Delete(Path.ChangeExtension(_path, null) + "-log.db");
    }
}
