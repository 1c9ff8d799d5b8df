namespace Microchat.Client;

/// <summary>The Server-Sent Events stream.</summary>
public sealed partial class EventsClient
{
    private readonly MicrochatTransport _transport;

    internal EventsClient(MicrochatTransport transport) => _transport = transport;
}
