using Microchat.Contracts;
using Microchat.Server.Authentication;
using Microchat.Server.Domain;
using Microchat.Server.Events;
using Microchat.Server.Health;
using Microchat.Server.Telemetry;
using Microchat.Server.Hosting;
using Microchat.Server.Http;
using Microchat.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microchat.Server;

// The conventional namespace, so AddMicrochat() shows up wherever services are configured.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Microchat to a host's services.</summary>
public static class MicrochatServiceCollectionExtensions
{
    /// <summary>Adds the Microchat server; chain a store, e.g. <c>.UseLiteDb("Filename=microchat.db")</c>.</summary>
    public static MicrochatBuilder AddMicrochat(this IServiceCollection services, Action<MicrochatOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<MicrochatOptions>().ValidateOnStart();
        if (configure is not null) optionsBuilder.Configure(configure);

        var builder = new MicrochatBuilder(services);
        if (services.Any(d => d.ServiceType == typeof(MicrochatMarker))) return builder;
        services.AddSingleton<MicrochatMarker>();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MicrochatOptions>, MicrochatOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MicrochatClock>();

        // Only Microchat's own types are added to the host's JSON options: its contracts carry
        // their wire names, so the host's naming policy is left alone for the host's own APIs.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, MicrochatJson.TypeInfoResolver));

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(MicrochatAuthenticationDefaults.Scheme, displayName: "Microchat bearer token", null);
        services.AddAuthorizationBuilder()
            .AddPolicy(MicrochatAuthenticationDefaults.Policy, policy => policy
                .AddAuthenticationSchemes(MicrochatAuthenticationDefaults.Scheme)
                .RequireAuthenticatedUser());

        services.TryAddSingleton<IPasswordHasher<EntityRecord>, PasswordHasher<EntityRecord>>();
        services.AddDataProtection();
        services.AddSingleton<MicrochatPrefixes>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, StatusCodeProblemStartupFilter>());
        services.AddQueryTokenScrubbing();
        services.AddHostedService<MaintenanceService>();

        services.AddMicrochatHardening();
        services.TryAddSingleton<EventDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<EventDispatcher>());
        services.TryAddSingleton<EventPublisher>();
        services.TryAddSingleton<ChatEventPublisher>();
        services.TryAddSingleton<ReactionEventPublisher>();
        services.TryAddSingleton<EventStream>();
        services.AddMicrochatDomain();
        services.AddMicrochatWebhooks();
        services.AddMicrochatTelemetry();
        services.AddMicrochatHealthChecks();
        return builder;
    }

    private static void AddMicrochatDomain(this IServiceCollection services)
    {
        services.TryAddSingleton<EntityResolver>();
        services.TryAddSingleton<EntityPresenter>();
        services.TryAddSingleton<ChatAccess>();
        services.TryAddSingleton<ChatDetailsPresenter>();
        services.TryAddSingleton<AccountService>();
        services.TryAddSingleton<TokenService>();
        services.TryAddSingleton<TokenSessionCache>();
        services.TryAddSingleton<EntityCache>();
        services.TryAddSingleton<UnitOfWorkRunner>();
        services.TryAddSingleton<IdempotencyProtector>();
        services.TryAddSingleton<MemberPresenter>();
        services.TryAddSingleton<ConferenceService>();
        services.TryAddSingleton<MemberService>();
        services.TryAddSingleton<ChatDetailsService>();
        services.TryAddSingleton<BotService>();
        services.TryAddSingleton<ChatDeletionService>();
        services.TryAddSingleton<UploadReader>();
        services.TryAddSingleton<MediaService>();
        services.TryAddSingleton<AvatarService>();
        services.TryAddSingleton<ContactService>();
        services.TryAddSingleton<MessageContent>();
        services.TryAddSingleton<MessagePresenter>();
        services.TryAddSingleton<MessageService>();
        services.TryAddSingleton<GalleryService>();
        services.TryAddSingleton<ChatListService>();
        services.TryAddSingleton<ReadMarkerService>();
        services.TryAddSingleton<TypingService>();
        services.TryAddSingleton<ReactionService>();
        services.TryAddSingleton<MessageVersionService>();
        services.TryAddSingleton<MessageSearchService>();
        services.TryAddSingleton<ChatSearchService>();
    }
}
