using Microchat.Server;
using Microchat.Storage.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Storage.LiteDb.Tests;

// The conformance suite of reactions, edit history and search on LiteDB.

public sealed class LiteDbReactionStoreTests : ReactionStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}

public sealed class LiteDbMessageVersionStoreTests : MessageVersionStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}

public sealed class LiteDbMessageSearchStoreTests : MessageSearchStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}

public sealed class LiteDbEntitySearchStoreTests : EntitySearchStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}
