namespace Microchat.Client;

/// <summary>Uploading and downloading media.</summary>
public sealed partial class MediaClient
{
    private readonly MicrochatTransport _transport;

    internal MediaClient(MicrochatTransport transport) => _transport = transport;
}
