using Microchat.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Microchat.Server.Tests.Infrastructure;

/// <summary>
/// The sample host, started in memory on its own LiteDB file. Dispose and start another
/// <see cref="MicrochatHost"/> on the same <see cref="DatabasePath"/> to test a restart.
/// </summary>
public sealed class MicrochatHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;

    /// <summary>A host on a fresh database file; <paramref name="settings"/> go into configuration (e.g. "Microchat:Administrators:0").</summary>
    public MicrochatHost(IReadOnlyDictionary<string, string?>? settings = null, string? databasePath = null)
    {
        _ownsDatabase = databasePath is null;
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"microchat-test-{Guid.NewGuid():N}.db");
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Microchat"] = $"Filename={DatabasePath}",
            // Tests register many users from one address; the limit has its own test.
            ["Microchat:AuthRateLimitPermits"] = "100000",
            // Tests send many messages per user; the send budget has its own tests (Hardening/).
            ["Microchat:SendRateLimitPermits"] = "100000",
            // Administrator aliases are reserved; TestUsers.SignUpAsync registers with this key.
            ["Microchat:SetupKey"] = SetupKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    /// <summary>The Microchat-Setup-Key the test hosts are configured with.</summary>
    public const string SetupKey = "test-setup-key-0123456789";

    /// <summary>The LiteDB file this host uses.</summary>
    public string DatabasePath { get; }

    /// <summary>A typed client with no token.</summary>
    public MicrochatClient Anonymous() => new(CreateHttpClient());

    /// <summary>An HTTP client whose base address is the API root.</summary>
    public HttpClient CreateHttpClient()
    {
        var http = CreateClient();
        http.BaseAddress = new Uri(http.BaseAddress!, "/api/");
        return http;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase) DeleteDatabase();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase) DeleteDatabase();
    }

    /// <summary>Removes the database file (and LiteDB's log beside it).</summary>
    public void DeleteDatabase()
    {
        File.Delete(DatabasePath);
        File.Delete(Path.ChangeExtension(DatabasePath, null) + "-log.db");
    }
}
