using Microchat.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Server.Tests.Infrastructure;

/// <summary>Reads the event log a host has published, as each recipient's stream would replay it.</summary>
public static class StoredEvents
{
    /// <summary>Every retained event for this recipient, in order.</summary>
    public static async Task<IReadOnlyList<EventRecord>> EventsForAsync(this MicrochatHost host, long recipientId) =>
        await host.Services.GetRequiredService<IEventStore>().ReadAsync(recipientId, 0, 10_000, CancellationToken.None);

    /// <summary>The names of those events, in order.</summary>
    public static async Task<IReadOnlyList<string>> EventNamesForAsync(this MicrochatHost host, long recipientId) =>
        (await host.EventsForAsync(recipientId)).Select(e => e.Name).ToList();
}
