using Microchat.Server;
using Microchat.Storage;
using Microchat.Storage.PostgreSql;
using Microchat.Storage.PostgreSql.Stores;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// Beside AddMicrochat(), so UsePostgreSql() is found without another using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts Microchat's data in a PostgreSQL database, which several hosts can share.</summary>
public static class MicrochatPostgreSqlExtensions
{
    /// <summary>
    /// Stores everything in the PostgreSQL database this Npgsql connection string names, e.g.
    /// <c>Host=db;Database=microchat;Username=microchat;Password=…</c>. The schema is created or
    /// migrated when the host starts; every host given the same database serves the same chats.
    /// </summary>
    public static MicrochatBuilder UsePostgreSql(this MicrochatBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var services = builder.Services;
        services.TryAddSingleton(_ => new PgDatabase(connectionString));
        services.TryAddSingleton<IUnitOfWork, PgUnitOfWork>();
        services.TryAddSingleton<IEventFeed, PgEventFeed>();
        services.TryAddSingleton<IEntityStore, PgEntityStore>();
        services.TryAddSingleton<ITokenStore, PgTokenStore>();
        services.TryAddSingleton<IMemberStore, PgMemberStore>();
        services.TryAddSingleton<IAvatarStore, PgAvatarStore>();
        services.TryAddSingleton<IMediaStore, PgMediaStore>();
        services.TryAddSingleton<IBlobStore, PgBlobStore>();
        services.TryAddSingleton<IContactStore, PgContactStore>();
        services.TryAddSingleton<IMessageStore, PgMessageStore>();
        services.TryAddSingleton<IReadMarkerStore, PgReadMarkerStore>();
        services.TryAddSingleton<IEventStore, PgEventStore>();
        services.TryAddSingleton<IIdempotencyStore, PgIdempotencyStore>();
        services.TryAddSingleton<IReactionStore, PgReactionStore>();
        services.TryAddSingleton<IMessageVersionStore, PgMessageVersionStore>();
        services.TryAddSingleton<IMessageSearchStore, PgMessageSearchStore>();
        services.TryAddSingleton<IEntitySearchStore, PgEntitySearchStore>();
        services.TryAddSingleton<IWebhookStore, PgWebhookStore>();
        services.TryAddSingleton<PgXmlRepository>();
        // The data-protection keys live in the database, so every host reads the same keys.
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<PgXmlRepository>()));
        services.AddHostedService<PgSchemaService>();
        return builder;
    }
}
