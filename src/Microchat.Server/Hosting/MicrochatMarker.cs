namespace Microchat.Server.Hosting;

/// <summary>Registered by AddMicrochat(), so MapMicrochat() can tell it was called (and a second call is a no-op).</summary>
internal sealed class MicrochatMarker;
