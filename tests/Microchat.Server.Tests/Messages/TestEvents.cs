using System.Text.Json;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microchat.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Server.Tests.Messages;

/// <summary>Reads the event log a recipient's stream would be served from (the stream itself is another area's).</summary>
public static class TestEvents
{
    /// <summary>Every logged event for this recipient, oldest first.</summary>
    public static async Task<IReadOnlyList<EventRecord>> EventsForAsync(this MicrochatHost host, SignedIn recipient) =>
        await host.Services.GetRequiredService<IEventStore>().ReadAsync(recipient.Id, 0, 10_000, CancellationToken.None);

    /// <summary>The data of this recipient's events of one name, oldest first.</summary>
    public static async Task<List<T>> EventDataAsync<T>(this MicrochatHost host, SignedIn recipient, string name) =>
        (await host.EventsForAsync(recipient))
            .Where(e => e.Name == name)
            .Select(e => JsonSerializer.Deserialize<T>(e.Data, MicrochatJson.Options)!)
            .ToList();
}
