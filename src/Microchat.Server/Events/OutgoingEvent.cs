using System.Text.Json;
using Microchat.Contracts;

namespace Microchat.Server.Events;

/// <summary>An event about to be logged: its name, its data as these recipients see it, and who they are.</summary>
internal sealed record OutgoingEvent(string Name, string Data, IReadOnlyCollection<long> Recipients)
{
    /// <summary>Serialises the data with the wire's JSON settings.</summary>
    public static OutgoingEvent Create<T>(string name, T data, IEnumerable<long> recipients) => new(
        name,
        JsonSerializer.Serialize(data, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)MicrochatJson.Options.GetTypeInfo(typeof(T))),
        recipients.Distinct().ToList());
}
