using Microchat.Client;
using Microchat.Contracts;

namespace Microchat.Server.Tests.Infrastructure;

/// <summary>Shortcuts for the accounts most tests start from.</summary>
public static class TestUsers
{
    public const string Password = "correct horse battery";

    private static int _counter;

    /// <summary>A unique valid alias with a readable stem.</summary>
    public static string UniqueAlias(string stem = "user") => $"{stem}_{Interlocked.Increment(ref _counter)}";

    /// <summary>Registers a user and returns a client logged in as them.</summary>
    public static async Task<SignedIn> SignUpAsync(this MicrochatHost host, string? alias = null, string name = "Test", string? surname = null)
    {
        alias ??= UniqueAlias();
        // The setup key lets tests register the administrator aliases they configure.
        var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Add("Microchat-Setup-Key", MicrochatHost.SetupKey);
        var client = new MicrochatClient(http);
        var profile = await client.Auth.RegisterAsync(new RegisterUserRequest(alias, Password, name, surname));
        await client.Auth.LoginAsync(new CreateTokenRequest(alias, Password, "test"));
        return new SignedIn(client, profile);
    }
}

/// <summary>A registered user and a client logged in as them.</summary>
public sealed record SignedIn(MicrochatClient Client, ChatDetails Profile)
{
    public long Id => Profile.Id;

    public string Alias => Profile.Alias;

    /// <summary>"@alias", as paths address this user.</summary>
    public string Ref => "@" + Profile.Alias;
}
