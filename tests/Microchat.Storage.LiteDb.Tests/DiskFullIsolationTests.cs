using System.Diagnostics;
using Microchat.Contracts;
using Microchat.Server;
using Microchat.Storage.LiteDb.Tests.Faults;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace Microchat.Storage.LiteDb.Tests;

/// <summary>
/// A store whose disk fills and frees again, over and over, beside other databases of the same
/// process being created, written, closed and opened again: the failures of the one must never
/// reach the others.
/// </summary>
public sealed class DiskFullIsolationTests(ITestOutputHelper output)
{
    private static TimeSpan Duration => TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("MICROCHAT_ISOLATION_SECONDS"), out var seconds) ? seconds : 10);

    private static readonly ChatKey Chat = ChatKey.Conference(7);

    [Fact]
    public async Task ADiskThatFillsAndFrees_NeverBreaksAnotherDatabase_OfTheProcess()
    {
        var clock = Stopwatch.StartNew();
        var episodes = 0;
        var restarts = 0;
        var faulty = Task.Run(async () =>
        {
            var path = TempPath("faulty");
            try
            {
                var disk = new FullDisk();
                await using var services = Open(path, LiteDbDurability.Default, disk);
                var messages = services.GetRequiredService<IMessageStore>();
                while (clock.Elapsed < Duration)
                {
                    await AppendAsync(messages, "before");
                    disk.Fill();
                    await Assert.ThrowsAsync<StorageUnavailableException>(async () => await AppendAsync(messages, "during"));
                    disk.Free();
                    await AppendUntilAcceptedAsync(messages);
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    episodes++;
                }
            }
            finally
            {
                Delete(path);
            }
        });
        var sound = Task.Run(async () =>
        {
            while (clock.Elapsed < Duration)
            {
                var path = TempPath("sound");
                try
                {
                    long sent;
                    await using (var services = Open(path, LiteDbDurability.Default, new FullDisk()))
                    {
                        sent = (await AppendAsync(services.GetRequiredService<IMessageStore>(), "kept")).Id;
                        await services.GetRequiredService<IEntityStore>().TryCreateAsync(new EntityRecord
                        {
                            Alias = "a" + restarts, Type = EntityType.User, CreatedAt = DateTimeOffset.UnixEpoch, Name = "N",
                        }, CancellationToken.None);
                    }
                    await using (var services = Open(path, LiteDbDurability.Default, new FullDisk()))
                    {
                        var listed = await services.GetRequiredService<IMessageStore>().ListAsync(Chat, new MessageQuery(null, 0, 10), CancellationToken.None);
                        Assert.Equal([sent], listed.Select(m => m.Id));
                    }
                    restarts++;
                }
                finally
                {
                    Delete(path);
                }
            }
        });
        await Task.WhenAll(faulty, sound);
        output.WriteLine($"{episodes} disk-full episodes beside {restarts} restarts of other databases in {clock.Elapsed.TotalSeconds:F0} s.");
        Assert.True(episodes > 0 && restarts > 0);
    }

    private static string TempPath(string stem) => Path.Combine(Path.GetTempPath(), $"microchat-isolation-{stem}-{Guid.NewGuid():N}.db");

    private static void Delete(string path)
    {
        File.Delete(path);
        File.Delete(Path.ChangeExtension(path, null) + "-log.db");
    }

    private static ValueTask<MessageRecord> AppendAsync(IMessageStore messages, string text) =>
        messages.AppendAsync(Chat, new MessageRecord { SenderId = 1, Text = text, SentAt = DateTimeOffset.UnixEpoch }, CancellationToken.None);

    private static async Task AppendUntilAcceptedAsync(IMessageStore messages)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await AppendAsync(messages, "after");
                return;
            }
            catch (StorageUnavailableException) when (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }
        }
    }

    private static ServiceProvider Open(string path, LiteDbDurability durability, FullDisk disk)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMicrochat().UseLiteDb($"Filename={path}", o =>
        {
            o.Durability = durability;
            o.WrapFile = disk.Wrap;
        });
        return services.BuildServiceProvider();
    }
}
