using Microchat.Server;
using Microchat.Storage.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Storage.LiteDb.Tests;

// The conformance suite on LiteDB: each class runs every test of its base on a fresh in-memory database.

public sealed class LiteDbEntityStoreTests : EntityStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}

public sealed class LiteDbTokenStoreTests : TokenStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}

public sealed class LiteDbMemberStoreTests : MemberStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}

public sealed class LiteDbIdempotencyStoreTests : IdempotencyStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}

public sealed class LiteDbMessageStoreTests : MessageStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}

public sealed class LiteDbReadMarkerStoreTests : ReadMarkerStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}

public sealed class LiteDbEventStoreTests : EventStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}

public sealed class LiteDbBlobStoreTests : BlobStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}

public sealed class LiteDbContactStoreTests : ContactStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}

public sealed class LiteDbAvatarStoreTests : AvatarStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}

public sealed class LiteDbMediaStoreTests : MediaStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}

public sealed class LiteDbUnitOfWorkTests : UnitOfWorkConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}

public sealed class LiteDbWebhookStoreTests : WebhookStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UseLiteDbInMemory();
}
