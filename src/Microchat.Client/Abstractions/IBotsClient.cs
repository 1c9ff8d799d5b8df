using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>Bots: creating bots. Implemented by <see cref="BotsClient"/>; mock it in tests.</summary>
public interface IBotsClient
{
    /// <summary>Creates a bot owned by the caller (<c>POST /bots</c>); the returned token is shown only this once.</summary>
    Task<CreatedBot> CreateAsync(CreateBotRequest request, CancellationToken cancellationToken = default);
}
