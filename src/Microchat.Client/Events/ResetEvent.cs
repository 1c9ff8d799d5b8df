namespace Microchat.Client;

/// <summary>
/// <c>reset</c>: the client resumed from an id the server no longer keeps (or never issued), so
/// events may have been missed. Refetch what you show; the stream goes on from now.
/// </summary>
public sealed record ResetEvent(string Id, string Name) : MicrochatEvent(Id, Name);
