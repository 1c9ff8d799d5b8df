using Microchat.Client;
using Microchat.Contracts;

namespace Microchat.Sample.EchoBot;

/// <summary>
/// Finds the bot's token so the sample runs in one command: given, or kept in a file from an
/// earlier run, or made now by signing in (or up) a demo owner and creating a bot.
/// </summary>
internal static class BotToken
{
    public static async Task<string> ObtainAsync(Uri api, string? given, string file, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(given)) return given;
        if (File.Exists(file)) return (await File.ReadAllTextAsync(file, ct)).Trim();

        using var http = new HttpClient();
        var owner = new MicrochatClient(http, new MicrochatClientOptions { BaseAddress = api });
        const string Alias = "echo_owner", Password = "echo-owner-password";
        try
        {
            await owner.Auth.LoginAsync(new CreateTokenRequest(Alias, Password, "echo sample"), cancellationToken: ct);
        }
        catch (MicrochatApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            await owner.Auth.RegisterAsync(new RegisterUserRequest(Alias, Password, "Echo", "Owner"), ct);
            await owner.Auth.LoginAsync(new CreateTokenRequest(Alias, Password, "echo sample"), cancellationToken: ct);
        }
        var bot = await owner.Bots.CreateAsync(new CreateBotRequest($"echo_bot_{Random.Shared.Next(1000, 9999)}", "Echo bot",
            "Echoes what you write. /help lists its commands."), ct);
        await File.WriteAllTextAsync(file, bot.Token, ct);
        Console.WriteLine($"Created @{bot.Bot.Alias} (owner @{Alias}, password '{Password}'); its token is kept in {Path.GetFullPath(file)}.");
        return bot.Token;
    }
}
