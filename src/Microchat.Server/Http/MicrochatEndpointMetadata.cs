namespace Microchat.Server.Http;

/// <summary>Marks an endpoint as Microchat's and remembers the prefix it was mapped under.</summary>
internal sealed record MicrochatEndpointMetadata(string Prefix);
