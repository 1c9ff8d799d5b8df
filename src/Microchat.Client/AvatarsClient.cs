namespace Microchat.Client;

/// <summary>Avatars of users, bots and conferences.</summary>
public sealed partial class AvatarsClient
{
    private readonly MicrochatTransport _transport;

    internal AvatarsClient(MicrochatTransport transport) => _transport = transport;
}
