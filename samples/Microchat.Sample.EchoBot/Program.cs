using Microchat.Client;
using Microchat.Sample.EchoBot;

// dotnet run --project samples/Microchat.Sample.EchoBot -- --url http://127.0.0.1:5080/api/ --token <bot token>
// or MICROCHAT_URL / MICROCHAT_TOKEN in the environment.
var url = Option("--url") ?? Environment.GetEnvironmentVariable("MICROCHAT_URL") ?? "http://127.0.0.1:5080/api/";
var token = Option("--token") ?? Environment.GetEnvironmentVariable("MICROCHAT_TOKEN");
if (string.IsNullOrEmpty(token) || !Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var api))
{
    await Console.Error.WriteLineAsync("Usage: Microchat.Sample.EchoBot --token <bot token> [--url http://127.0.0.1:5080/api/]");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

using var http = new HttpClient { BaseAddress = api };
var client = new MicrochatClient(http) { Token = token };
Console.WriteLine($"Echoing on {api} — Ctrl+C to stop.");
try
{
    await new EchoBot(client, Console.Out).RunAsync(stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    // Ctrl+C.
}
catch (MicrochatApiException refusal)
{
    await Console.Error.WriteLineAsync($"The server refused the bot: {(int)refusal.StatusCode} {refusal.Message}");
    return 1;
}
return 0;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
