using Microchat.Client;
using Microchat.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Microchat.Storage.PostgreSql.Tests;

/// <summary>The sample host on the PostgreSQL store, chosen through configuration as an operator would.</summary>
public sealed class PgHost(string connectionString) : WebApplicationFactory<Program>
{
    public const string Password = "correct horse battery";
    private static int _counter;

    /// <summary>An HTTP client whose base address is the API root.</summary>
    public HttpClient CreateHttpClient()
    {
        var http = CreateClient();
        http.BaseAddress = new Uri(http.BaseAddress!, "/api/");
        return http;
    }

    /// <summary>A client of this host carrying <paramref name="token"/> (which any host on the database accepts).</summary>
    public MicrochatClient Client(string? token) => new(CreateHttpClient()) { Token = token };

    /// <summary>Registers and logs in a user through this host.</summary>
    public async Task<(MicrochatClient Client, ChatDetails Profile)> SignUpAsync()
    {
        var alias = $"user_{Interlocked.Increment(ref _counter)}_{Guid.NewGuid():N}"[..24];
        var client = Client(null);
        var profile = await client.Auth.RegisterAsync(new RegisterUserRequest(alias, Password, "Test", null));
        await client.Auth.LoginAsync(new CreateTokenRequest(alias, Password, "test"));
        return (client, profile);
    }

    /// <summary>Has <paramref name="owner"/> create a bot through this host; returns a client carrying the bot's token.</summary>
    public async Task<(MicrochatClient Client, ChatDetails Profile)> CreateBotAsync(MicrochatClient owner)
    {
        var created = await owner.Bots.CreateAsync(new CreateBotRequest($"bot_{Guid.NewGuid():N}"[..20], "Test bot"));
        return (Client(created.Token), created.Bot);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Microchat:Storage", "PostgreSql");
        builder.UseSetting("ConnectionStrings:Microchat", connectionString);
        builder.UseSetting("Microchat:AuthRateLimitPermits", "100000");
        // The tests' webhook receivers listen on 127.0.0.1 over plain http.
        builder.UseSetting("Microchat:AllowInsecureWebhooks", "true");
    }
}
