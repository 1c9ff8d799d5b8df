using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Microchat.LoadTest.Infra;

/// <summary>A registered user of the host under test and its bearer token.</summary>
internal sealed record BenchUser(string Alias, string Token);

/// <summary>Setting the scene over HTTP, as any client would: users, tokens, conferences, history.</summary>
internal sealed class MicrochatApi(HttpClient client)
{
    private const string Password = "benchmark-password";

    public HttpClient Client => client;

    public static byte[] Body(object value) => JsonSerializer.SerializeToUtf8Bytes(value);

    public static byte[] MessageBody(string text) => Encoding.UTF8.GetBytes($"{{\"text\":{JsonSerializer.Serialize(text)}}}");

    /// <summary>Registers and logs in users (a few at a time: each hashes a password on the server).</summary>
    /// <param name="prefix">Alias prefix; the index follows.</param>
    /// <param name="count">How many users.</param>
    /// <param name="login">False for users that only need to exist (a dialog's other side): saves a password hash each.</param>
    public async Task<BenchUser[]> RegisterAsync(string prefix, int count, bool login = true)
    {
        var users = new BenchUser[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var alias = $"{prefix}{i:D5}";
            await PostOkAsync("/api/users", Body(new { alias, password = Password, name = "Bench" }), null);
            if (!login)
            {
                users[i] = new BenchUser(alias, "");
                return;
            }
            var token = await PostOkAsync("/api/auth/tokens", Body(new { login = alias, password = Password }), null);
            users[i] = new BenchUser(alias, token["token"]!.GetValue<string>());
        });
        return users;
    }

    public Task CreateConferenceAsync(BenchUser owner, string alias) =>
        PostOkAsync("/api/conferences", Body(new { alias, title = "Benchmark " + alias }), owner.Token);

    /// <summary>Every user joins the public conference (a user may add self).</summary>
    public Task JoinAsync(string conference, IEnumerable<BenchUser> users) =>
        Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (u, _) =>
            await PostOkAsync($"/api/chats/@{conference}/members", Body(new { alias = u.Alias }), u.Token));

    /// <summary>Sends <paramref name="count"/> messages from <paramref name="sender"/> into a chat, a few at a time.</summary>
    public async Task SeedAsync(BenchUser sender, string chat, int count, int parallel = 4)
    {
        var next = 0;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) <= count)
            {
                if (!await Http.SendAsync(client, HttpMethod.Post, $"/api/chats/@{chat}/messages", MessageBody($"history {n} https://example.com/{n}"), sender.Token)
                    && Interlocked.Increment(ref failures) > 10)
                    throw new InvalidOperationException($"seeding @{chat} keeps failing");
            }
        }));
    }

    private async Task<JsonNode> PostOkAsync(string path, byte[] body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Http.Json;
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
