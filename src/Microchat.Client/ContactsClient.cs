namespace Microchat.Client;

/// <summary>The caller's contact list.</summary>
public sealed partial class ContactsClient
{
    private readonly MicrochatTransport _transport;

    internal ContactsClient(MicrochatTransport transport) => _transport = transport;
}
