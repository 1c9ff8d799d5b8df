using Microchat.Contracts;
using Microchat.Server;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace Microchat.Storage.LiteDb.Tests;

/// <summary>
/// A host starting on an existing file: the stores are created (each ensuring its indexes on the
/// writer) while other threads already read, as hosted services and first requests do. LiteDB 5
/// builds a type's member map on first use and shows it, still empty, to other threads; before the
/// provider built every map up front this failed within these 60 restarts in 2 runs of 2 ("Member Id not found on
/// BsonMapper"), and a unit of work failing so mid-batch is how a host's restart found its
/// database broken ("page type must be collection page").
/// </summary>
public sealed class ConcurrentFirstUseTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StoresCreated_WhileOtherThreadsRead_OnEveryRestart_NeverFail()
    {
        var path = Path.Combine(Path.GetTempPath(), $"microchat-first-use-{Guid.NewGuid():N}.db");
        var storeTypes = typeof(IEntityStore).Assembly.GetTypes()
            .Where(t => t.IsInterface && t.Namespace == "Microchat.Storage" && t.Name.EndsWith("Store", StringComparison.Ordinal)).ToList();
        const int Restarts = 60;
        try
        {
            for (var round = 0; round < Restarts; round++)
            {
                var services = new ServiceCollection();
                services.AddLogging();
                services.AddMicrochat().UseLiteDb($"Filename={path}");
                await using var provider = services.BuildServiceProvider();
                _ = provider.GetRequiredService<LiteDbStorage>();
                var creating = Task.Run(() =>
                {
                    foreach (var type in storeTypes) provider.GetRequiredService(type);
                });
                var reading = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
                {
                    var tokens = provider.GetRequiredService<ITokenStore>();
                    for (var k = 0; k < 5; k++) await tokens.FindByHashAsync($"h{k}", CancellationToken.None);
                    await provider.GetRequiredService<IMessageStore>().ListAsync(ChatKey.Conference(7), new MessageQuery(null, 0, 50), CancellationToken.None);
                    await provider.GetRequiredService<IEntityStore>().FindByAliasAsync("u0", CancellationToken.None);
                }));
                await Task.WhenAll(reading.Append(creating));

                var entity = await provider.GetRequiredService<IEntityStore>().TryCreateAsync(new EntityRecord
                {
                    Alias = $"u{round}", Type = EntityType.User, CreatedAt = DateTimeOffset.UnixEpoch, Name = "N",
                }, CancellationToken.None);
                await provider.GetRequiredService<ITokenStore>().CreateAsync(
                    new TokenRecord { OwnerId = entity!.Id, Hash = $"h{round}", CreatedAt = DateTimeOffset.UnixEpoch }, CancellationToken.None);
                await provider.GetRequiredService<IMessageStore>().AppendAsync(ChatKey.Conference(7),
                    new MessageRecord { SenderId = entity.Id, Text = $"m{round}", SentAt = DateTimeOffset.UnixEpoch }, CancellationToken.None);
                Assert.Equal(round + 1, (await provider.GetRequiredService<IMessageStore>()
                    .ListAsync(ChatKey.Conference(7), new MessageQuery(null, 0, 100), CancellationToken.None)).Count);
            }
            output.WriteLine($"{Restarts} restarts, each creating {storeTypes.Count} stores beside 4 reading threads.");
        }
        finally
        {
            File.Delete(path);
            File.Delete(Path.ChangeExtension(path, null) + "-log.db");
        }
    }
}
