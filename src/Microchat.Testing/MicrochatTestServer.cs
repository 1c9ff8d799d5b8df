using System.Globalization;
using Microchat.Client;
using Microchat.Contracts;
using Microchat.Server;
using Microchat.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microchat.Testing;

/// <summary>
/// A real Microchat server in memory — the same endpoints, rules and event stream as production,
/// on <c>TestServer</c> and an in-memory LiteDB — started in milliseconds, for testing a bot end
/// to end: <c>await using var server = await MicrochatTestServer.StartAsync();</c>.
/// </summary>
public sealed class MicrochatTestServer : IAsyncDisposable
{
    private const string Password = "microchat-test-password";
    private readonly WebApplication _app;
    private int _aliases;

    private MicrochatTestServer(WebApplication app) => _app = app;

    /// <summary>The server's services (stores, options), for assertions a client cannot make.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a server. <paramref name="configure"/> adjusts Microchat's options (administrators, limits …);
    /// <paramref name="configureHost"/> the host (logging, extra services).
    /// </summary>
    public static async Task<MicrochatTestServer> StartAsync(Action<MicrochatOptions>? configure = null,
        Action<WebApplicationBuilder>? configureHost = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        // Quiet by default: a test reads assertions, not request logs. configureHost may add providers back.
        builder.Logging.ClearProviders();
        builder.Services.AddMicrochat(options =>
        {
            // Tests register many accounts from one address in a moment.
            options.AuthRateLimitPermits = int.MaxValue;
            configure?.Invoke(options);
        }).UseLiteDbInMemory();
        configureHost?.Invoke(builder);
        var app = builder.Build();
        app.MapMicrochat();
        await app.StartAsync(cancellationToken);
        return new MicrochatTestServer(app);
    }

    /// <summary>A client of this server with <paramref name="token"/> (or none).</summary>
    public MicrochatClient CreateClient(string? token = null)
    {
        var server = _app.GetTestServer();
        var http = server.CreateClient();
        return new MicrochatClient(http, new MicrochatClientOptions { BaseAddress = new Uri(server.BaseAddress, "api"), Token = token });
    }

    /// <summary>Registers a user (a unique alias unless given) and returns it signed in.</summary>
    public async Task<TestAccount> CreateUserAsync(string? alias = null, string name = "Test", string? surname = null,
        CancellationToken cancellationToken = default)
    {
        alias ??= NewAlias("user");
        var client = CreateClient();
        var profile = await client.Auth.RegisterAsync(new RegisterUserRequest(alias, Password, name, surname), cancellationToken);
        await client.Auth.LoginAsync(new CreateTokenRequest(alias, Password, "test"), cancellationToken: cancellationToken);
        return new TestAccount(this, client, profile);
    }

    /// <summary>Creates a bot owned by <paramref name="owner"/> (a new user when null) and returns it signed in with its token.</summary>
    public async Task<TestAccount> CreateBotAsync(TestAccount? owner = null, string? alias = null, string title = "Test bot",
        CancellationToken cancellationToken = default)
    {
        owner ??= await CreateUserAsync(cancellationToken: cancellationToken);
        var created = await owner.Client.Bots.CreateAsync(new CreateBotRequest(alias ?? NewAlias("bot"), title), cancellationToken);
        return new TestAccount(this, CreateClient(created.Token), created.Bot);
    }

    /// <summary>
    /// Runs <paramref name="handler"/> as <paramref name="bot"/> from this moment on (nothing sent after
    /// this returns can slip past it); dispose the result to stop the bot.
    /// </summary>
    public async Task<RunningBot> StartBotAsync(TestAccount bot, IMicrochatBotHandler handler, MicrochatBotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        options ??= new MicrochatBotOptions();
        options.LastEventId ??= await LastEventIdAsync();
        return RunningBot.Start(bot.Client, handler, options);
    }

    /// <summary>The id of the newest event in the log: a stream resumed from it sees everything after this moment.</summary>
    public async Task<string> LastEventIdAsync(CancellationToken cancellationToken = default) =>
        (await Services.GetRequiredService<IEventStore>().GetBoundsAsync(cancellationToken)).LastId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private string NewAlias(string stem) => $"{stem}_{Interlocked.Increment(ref _aliases)}";
}
