using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Bots: creating bots.</summary>
public sealed partial class BotsClient : IBotsClient
{
    private readonly MicrochatTransport _transport;

    internal BotsClient(MicrochatTransport transport) => _transport = transport;

    /// <summary>Creates a bot owned by the caller (<c>POST /bots</c>); the returned token is shown only this once.</summary>
    public Task<CreatedBot> CreateAsync(CreateBotRequest request, CancellationToken cancellationToken = default) =>
        _transport.PostAsync<CreateBotRequest, CreatedBot>("bots", request, cancellationToken);
}
