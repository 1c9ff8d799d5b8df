namespace Microchat.Client;

/// <summary>Settings of a <see cref="MicrochatClient"/> made through <c>AddMicrochatClient()</c>.</summary>
public sealed class MicrochatClientOptions
{
    /// <summary>The server's API root, e.g. <c>http://localhost:5080/api/</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The bearer token to send, if known up front (a bot's, say).</summary>
    public string? Token { get; set; }
}
