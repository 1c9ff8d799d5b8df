using Microchat.Server;
using Microchat.Storage.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Storage.PostgreSql.Tests;

/// <summary>The whole conformance suite on PostgreSQL: each fact runs on a fresh, empty schema of the test server.</summary>
public sealed class PgConformance : StoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UsePostgreSql(TestDatabase.FreshSchema());
}
