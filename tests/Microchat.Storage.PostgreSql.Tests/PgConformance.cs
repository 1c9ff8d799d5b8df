using Microchat.Server;
using Microchat.Storage.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Storage.PostgreSql.Tests;

// The conformance suite on PostgreSQL: each test runs on a fresh, empty schema of the test server.

public sealed class PgEntityStoreTests : EntityStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UsePostgreSql(TestDatabase.FreshSchema());
}

public sealed class PgTokenStoreTests : TokenStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UsePostgreSql(TestDatabase.FreshSchema());
}

public sealed class PgMemberStoreTests : MemberStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UsePostgreSql(TestDatabase.FreshSchema());
}

public sealed class PgIdempotencyStoreTests : IdempotencyStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UsePostgreSql(TestDatabase.FreshSchema());
}

public sealed class PgMessageStoreTests : MessageStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UsePostgreSql(TestDatabase.FreshSchema());
}

public sealed class PgReadMarkerStoreTests : ReadMarkerStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UsePostgreSql(TestDatabase.FreshSchema());
}

public sealed class PgEventStoreTests : EventStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UsePostgreSql(TestDatabase.FreshSchema());
}

public sealed class PgBlobStoreTests : BlobStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UsePostgreSql(TestDatabase.FreshSchema());
}

public sealed class PgContactStoreTests : ContactStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UsePostgreSql(TestDatabase.FreshSchema());
}

public sealed class PgAvatarStoreTests : AvatarStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UsePostgreSql(TestDatabase.FreshSchema());
}

public sealed class PgMediaStoreTests : MediaStoreConformance
{
    protected override void UseStore(MicrochatBuilder builder) => builder.UsePostgreSql(TestDatabase.FreshSchema());
}
