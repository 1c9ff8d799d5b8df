using LiteDB;
using Microchat.Storage;
using Microchat.Storage.LiteDb;
using Microchat.Storage.LiteDb.Stores;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microchat.Server;

// Beside AddMicrochat(), so UseLiteDb() is found without another using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts Microchat's data in a LiteDB file (or in memory, for tests).</summary>
public static class MicrochatLiteDbExtensions
{
    /// <summary>Stores everything in the LiteDB file this connection string names, e.g. <c>Filename=microchat.db</c>.</summary>
    public static MicrochatBuilder UseLiteDb(this MicrochatBuilder builder, string connectionString) =>
        builder.UseLiteDb(connectionString, configure: null);

    /// <summary>Stores everything in the LiteDB file this connection string names, with settings (<see cref="LiteDbOptions.Durability"/>).</summary>
    public static MicrochatBuilder UseLiteDb(this MicrochatBuilder builder, string connectionString, Action<LiteDbOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = new LiteDbOptions();
        configure?.Invoke(options);
        // One LiteDatabase per file per process, in direct mode: shared mode re-opens the file
        // on every call and gives up the single writer this provider relies on.
        var settings = new ConnectionString(connectionString) { Connection = ConnectionType.Direct };
        return builder.UseLiteDb(() => Open(settings, options.Durability));
    }

    /// <summary>Stores everything in memory: gone when the process ends. For tests and demos.</summary>
    public static MicrochatBuilder UseLiteDbInMemory(this MicrochatBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseLiteDb(() => new LiteDbStorage(new LiteDatabase(new MemoryStream(), LiteDbMapper.Create())));
    }

    private static LiteDbStorage Open(ConnectionString settings, LiteDbDurability durability)
    {
        if (durability == LiteDbDurability.Default) return new LiteDbStorage(new LiteDatabase(settings, LiteDbMapper.Create()));

        // The same two files LiteDB itself would open (data, and "name-log.ext" beside it), through
        // streams whose flush is an fsync; the writer flushes the log once per group commit.
        var data = new DurableFileStream(settings.Filename);
        var log = new DurableFileStream(LogFileOf(settings.Filename));
        var database = new LiteDatabase(data, LiteDbMapper.Create(), log);
        return new LiteDbStorage(database, durability, () => log.Flush(flushToDisk: true));
    }

    private static string LogFileOf(string filename) =>
        Path.Combine(Path.GetDirectoryName(filename) ?? "", $"{Path.GetFileNameWithoutExtension(filename)}-log{Path.GetExtension(filename)}");

    private static MicrochatBuilder UseLiteDb(this MicrochatBuilder builder, Func<LiteDbStorage> open)
    {
        var services = builder.Services;
        services.TryAddSingleton(_ => open());
        services.TryAddSingleton<IUnitOfWork, LiteDbUnitOfWork>();
        services.TryAddSingleton<IEventFeed, LiteDbEventFeed>();
        services.TryAddSingleton<IEntityStore, LiteDbEntityStore>();
        services.TryAddSingleton<ITokenStore, LiteDbTokenStore>();
        services.TryAddSingleton<IMemberStore, LiteDbMemberStore>();
        services.TryAddSingleton<IAvatarStore, LiteDbAvatarStore>();
        services.TryAddSingleton<IMediaStore, LiteDbMediaStore>();
        services.TryAddSingleton<IBlobStore, LiteDbBlobStore>();
        services.TryAddSingleton<IContactStore, LiteDbContactStore>();
        services.TryAddSingleton<IMessageStore, LiteDbMessageStore>();
        services.TryAddSingleton<IReadMarkerStore, LiteDbReadMarkerStore>();
        services.TryAddSingleton<IEventStore, LiteDbEventStore>();
        services.TryAddSingleton<IIdempotencyStore, LiteDbIdempotencyStore>();
        services.TryAddSingleton<LiteDbXmlRepository>();
        // The data-protection keys live in the database, so every process that opens it reads the same keys.
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<LiteDbXmlRepository>()));
        services.TryAddSingleton<IReactionStore, LiteDbReactionStore>();
        services.TryAddSingleton<IMessageVersionStore, LiteDbMessageVersionStore>();
        services.TryAddSingleton<IMessageSearchStore, LiteDbMessageSearchStore>();
        services.TryAddSingleton<IEntitySearchStore, LiteDbEntitySearchStore>();
        services.TryAddSingleton<IWebhookStore, LiteDbWebhookStore>();
        services.AddHostedService<LiteDbCheckpointService>();
        services.AddHostedService<LiteDbMetrics>();
        return builder;
    }
}
