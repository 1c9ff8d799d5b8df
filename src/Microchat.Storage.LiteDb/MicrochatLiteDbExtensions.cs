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
        var open = LiteDbFiles.Opener(settings, options);
        return builder.UseLiteDb(() => new LiteDbStorage(open, options.Durability));
    }

    /// <summary>Stores everything in memory: gone when the process ends. For tests and demos.</summary>
    public static MicrochatBuilder UseLiteDbInMemory(this MicrochatBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseLiteDb(() => new LiteDbStorage(LiteDbFiles.InMemory()));
    }

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
