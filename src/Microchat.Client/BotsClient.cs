namespace Microchat.Client;

/// <summary>Bots: creating bots.</summary>
public sealed partial class BotsClient
{
    private readonly MicrochatTransport _transport;

    internal BotsClient(MicrochatTransport transport) => _transport = transport;
}
