using LiteDB;
using Microchat.Storage;
using Microchat.Storage.LiteDb;
using Microchat.Storage.LiteDb.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microchat.Server;

// Beside AddMicrochat(), so UseLiteDb() is found without another using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts Microchat's data in a LiteDB file (or in memory, for tests).</summary>
public static class MicrochatLiteDbExtensions
{
    /// <summary>Stores everything in the LiteDB file this connection string names, e.g. <c>Filename=microchat.db</c>.</summary>
    public static MicrochatBuilder UseLiteDb(this MicrochatBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // One LiteDatabase per file per process, in direct mode: shared mode re-opens the file
        // on every call and gives up the in-process write serialisation this provider relies on.
        var settings = new ConnectionString(connectionString) { Connection = ConnectionType.Direct };
        return builder.UseLiteDb(() => new LiteDatabase(settings, LiteDbMapper.Create()));
    }

    /// <summary>Stores everything in memory: gone when the process ends. For tests and demos.</summary>
    public static MicrochatBuilder UseLiteDbInMemory(this MicrochatBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseLiteDb(() => new LiteDatabase(new MemoryStream(), LiteDbMapper.Create()));
    }

    private static MicrochatBuilder UseLiteDb(this MicrochatBuilder builder, Func<LiteDatabase> open)
    {
        var services = builder.Services;
        services.TryAddSingleton(_ => new LiteDbStorage(open()));
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
        services.TryAddSingleton<IWebhookStore, LiteDbWebhookStore>();
        services.AddHostedService<LiteDbCheckpointService>();
        return builder;
    }
}
