using Microchat.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microchat.Server.Hosting;

/// <summary>
/// At start-up, when no SetupKey is configured and an administrator alias has no account yet,
/// writes the generated key once at Warning, so the first administrator can be created and nobody
/// else can squat the alias.
/// </summary>
internal sealed partial class AdministratorSetupAnnouncer(
    AdministratorSetup setup,
    IEntityStore entities,
    IOptions<MicrochatOptions> options,
    ILogger<AdministratorSetupAnnouncer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!setup.IsGenerated) return;
        var missing = new List<string>();
        foreach (var alias in options.Value.Administrators)
        {
            if (await entities.FindByAliasAsync(alias, cancellationToken) is null) missing.Add(alias);
        }
        if (missing.Count > 0) LogSetupKey(logger, string.Join(", ", missing), AdministratorSetup.Header, setup.Key);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Microchat: administrator alias(es) {Aliases} have no account yet. Register them with POST /users and the header {Header}: {SetupKey} (made for this run only; set Microchat:SetupKey to choose one).")]
    private static partial void LogSetupKey(ILogger logger, string aliases, string header, string setupKey);
}
