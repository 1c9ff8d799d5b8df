using Microsoft.Extensions.Hosting;

namespace Microchat.Storage.PostgreSql;

/// <summary>Creates or migrates the schema when the host starts, before it serves a request.</summary>
internal sealed class PgSchemaService(PgDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.EnsureSchemaAsync().WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
