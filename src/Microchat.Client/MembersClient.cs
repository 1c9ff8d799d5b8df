namespace Microchat.Client;

/// <summary>Conference members and their permissions.</summary>
public sealed partial class MembersClient
{
    private readonly MicrochatTransport _transport;

    internal MembersClient(MicrochatTransport transport) => _transport = transport;
}
