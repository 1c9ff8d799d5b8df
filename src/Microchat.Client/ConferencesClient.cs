namespace Microchat.Client;

/// <summary>Conferences and their default permissions.</summary>
public sealed partial class ConferencesClient
{
    private readonly MicrochatTransport _transport;

    internal ConferencesClient(MicrochatTransport transport) => _transport = transport;
}
