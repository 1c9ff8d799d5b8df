namespace Microchat.Client;

/// <summary>An event this client cannot read (a name from a newer server, or data it cannot parse), with its raw JSON.</summary>
public sealed record UnknownEvent(string Id, string Name, string Data) : MicrochatEvent(Id, Name);
