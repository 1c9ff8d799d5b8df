namespace Microchat.Client;

/// <summary>Messages and galleries of a chat.</summary>
public sealed partial class MessagesClient
{
    private readonly MicrochatTransport _transport;

    internal MessagesClient(MicrochatTransport transport) => _transport = transport;
}
