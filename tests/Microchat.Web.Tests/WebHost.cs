using System.Net;
using Microchat.Client;
using Microchat.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Web.Tests;

/// <summary>
/// The sample host on a real Kestrel socket (127.0.0.1, a free port) and its own LiteDB file,
/// so a real browser can load the page and hold an event stream.
/// </summary>
public sealed class WebHost : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery";
    private static int _counter;
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"microchat-web-{Guid.NewGuid():N}.db");

    public WebHost()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
    }

    /// <summary>Where the browser finds the page, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A unique valid alias with a readable stem.</summary>
    public static string UniqueAlias(string stem) => $"{stem}{Interlocked.Increment(ref _counter)}x{Environment.ProcessId % 1000}";

    /// <summary>Registers a user over HTTP and returns a client logged in as them.</summary>
    public async Task<MicrochatClient> SignUpAsync(string alias, string name)
    {
        var client = new MicrochatClient(new HttpClient { BaseAddress = new Uri(BaseAddress, "/api/") });
        await client.Auth.RegisterAsync(new RegisterUserRequest(alias, Password, name));
        await client.Auth.LoginAsync(new CreateTokenRequest(alias, Password, "web test"));
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Microchat", $"Filename={_database}");
        builder.UseSetting("Microchat:AuthRateLimitPermits", "100000");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_database);
        File.Delete(Path.ChangeExtension(_database, null) + "-log.db");
    }
}
