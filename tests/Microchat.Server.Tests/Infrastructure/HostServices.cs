using Microchat.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Server.Tests.Infrastructure;

/// <summary>
/// Reaches a host's stores and services, for tests that must seed or inspect state no endpoint on this branch shows
/// (a dialog's history, read markers, what a deletion left behind).
/// </summary>
public static class HostServices
{
    public static T Service<T>(this MicrochatHost host) where T : notnull => host.Services.GetRequiredService<T>();

    /// <summary>Appends a text message from <paramref name="senderId"/> to a chat's history; returns its id.</summary>
    public static async Task<long> AppendMessageAsync(this MicrochatHost host, ChatKey chat, long senderId, string text = "hello") =>
        (await host.Service<IMessageStore>().AppendAsync(chat, new MessageRecord { SenderId = senderId, Text = text, SentAt = DateTimeOffset.UtcNow },
            CancellationToken.None)).Id;
}
