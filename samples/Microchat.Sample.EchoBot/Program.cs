using Microchat.Client;
using Microchat.Sample.EchoBot;

// Stream mode:  dotnet run --project samples/Microchat.Sample.EchoBot
// Webhook mode: dotnet run --project samples/Microchat.Sample.EchoBot -- --webhook http://127.0.0.1:5090
//               (http and 127.0.0.1 need Microchat:AllowInsecureWebhooks=true on the server; use https in production)
// Options: --url <API root> (default http://127.0.0.1:5080/api), --token <bot token> (or MICROCHAT_TOKEN);
// without a token the sample creates a bot and keeps its token in echobot.token.
var url = Option("--url") ?? Environment.GetEnvironmentVariable("MICROCHAT_URL") ?? "http://127.0.0.1:5080/api";
if (!Uri.TryCreate(url, UriKind.Absolute, out var api))
{
    await Console.Error.WriteLineAsync("Usage: Microchat.Sample.EchoBot [--url http://127.0.0.1:5080/api] [--token <bot token>] [--webhook http://127.0.0.1:5090]");
    return 2;
}
var webhook = Option("--webhook") is { } listen ? new Uri(listen) : null;

string token;
try
{
    token = await BotToken.ObtainAsync(api, Option("--token") ?? Environment.GetEnvironmentVariable("MICROCHAT_TOKEN"), "echobot.token", CancellationToken.None);
}
catch (MicrochatException e)
{
    await Console.Error.WriteLineAsync($"Could not get a bot token from {api}: {e.Message} Is the sample host running?");
    return 1;
}

var builder = WebApplication.CreateSlimBuilder();
builder.Services.AddMicrochatClient(o =>
{
    o.BaseAddress = api;
    o.Token = token;
});
builder.Services.AddMicrochatBot<EchoBot>(o =>
{
    if (webhook is null) return;
    // Webhook mode: the host registers the URL at start; the server POSTs events there instead of streaming.
    o.WebhookUrl = new Uri(webhook, "/microchat/webhook");
    o.WebhookSecret = Environment.GetEnvironmentVariable("ECHOBOT_WEBHOOK_SECRET") ?? Convert.ToHexString(Guid.NewGuid().ToByteArray());
});
builder.WebHost.UseUrls(webhook is null ? "http://127.0.0.1:0" : webhook.GetLeftPart(UriPartial.Authority));

var app = builder.Build();
if (webhook is not null) app.MapMicrochatWebhook();
Console.WriteLine(webhook is null ? $"Echoing on {api} (event stream) — Ctrl+C to stop." : $"Echoing on {api} (webhook at {webhook}) — Ctrl+C to stop.");
await app.RunAsync();
return 0;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

// Internal, so test projects that reference both this sample and the sample host see one Program (the host's).
internal sealed partial class Program;
