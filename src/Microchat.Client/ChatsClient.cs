namespace Microchat.Client;

/// <summary>Chats: the caller's chat list, chat details, read markers.</summary>
public sealed partial class ChatsClient
{
    private readonly MicrochatTransport _transport;

    internal ChatsClient(MicrochatTransport transport) => _transport = transport;
}
