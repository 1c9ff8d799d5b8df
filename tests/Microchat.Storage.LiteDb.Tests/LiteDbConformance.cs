using Microchat.Server;
using Microchat.Storage.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Storage.LiteDb.Tests;

/// <summary>The whole conformance suite on LiteDB: each fact runs on a fresh in-memory database.</summary>
public sealed class LiteDbConformance : StoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}
