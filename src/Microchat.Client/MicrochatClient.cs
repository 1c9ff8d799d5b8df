namespace Microchat.Client;

/// <summary>The typed client of a Microchat server, grouped by resource (<c>client.Auth</c>, …).</summary>
public sealed class MicrochatClient
{
    private readonly MicrochatTransport _transport;

    /// <summary>A client over an <see cref="HttpClient"/> whose BaseAddress is the API root (ending in "/").</summary>
    public MicrochatClient(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _transport = new MicrochatTransport(http);
        Auth = new AuthClient(_transport);
    }

    /// <summary>The bearer token sent with every request; null sends none.</summary>
    public string? Token
    {
        get => _transport.Token;
        set => _transport.Token = value;
    }

    /// <summary>Accounts, logins and tokens.</summary>
    public AuthClient Auth { get; }
}
