using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Microchat.Reliability.Tests;

/// <summary>
/// Plain HTTP calls the crash test makes: it controls every header (Idempotency-Key above all)
/// and survives the host vanishing mid-request, which is the point.
/// </summary>
internal static class ChatApi
{
    public static HttpClient Client(Uri baseAddress, string? token = null)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> RegisterAndLoginAsync(HttpClient anonymous, string alias)
    {
        (await anonymous.PostAsJsonAsync("api/users", new { alias, password = "password123", name = alias })).EnsureSuccessStatusCode();
        var login = await anonymous.PostAsJsonAsync("api/auth/tokens", new { login = alias, password = "password123" });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    /// <summary>Sends a message with a key; the message id on success, null when the host is gone.</summary>
    public static async Task<long?> TrySendAsync(HttpClient client, string chat, string text, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/chats/{chat}/messages") { Content = JsonContent.Create(new { text }) };
        request.Headers.Add("Idempotency-Key", key);
        try
        {
            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"A send was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Every message of a chat, oldest first (paged back by <c>before</c>).</summary>
    public static async Task<List<(long Id, string Text)>> AllMessagesAsync(HttpClient client, string chat)
    {
        var all = new List<(long, string)>();
        long? before = null;
        while (true)
        {
            var url = $"api/chats/{chat}/messages?count=100" + (before is { } b ? $"&before={b.ToString(CultureInfo.InvariantCulture)}" : "");
            var page = (await client.GetFromJsonAsync<JsonArray>(url))!;
            if (page.Count == 0) break;
            foreach (var m in page) all.Add((m!["id"]!.GetValue<long>(), m["text"]!.GetValue<string>()));
            before = all.Min(m => m.Item1);
        }
        return all.OrderBy(m => m.Item1).ToList();
    }

    /// <summary>The message ids of every <c>message_created</c> event the caller can replay from the start of the log.</summary>
    public static async Task<List<long>> ReplayCreatedIdsAsync(HttpClient client, int expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/events");
        request.Headers.Add("Last-Event-ID", "0");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        var ids = new List<long>();
        string? name = null;
        try
        {
            while (ids.Count < expected && await reader.ReadLineAsync(cts.Token) is { } line)
            {
                if (line.StartsWith("event:", StringComparison.Ordinal)) name = line[6..].Trim();
                else if (line.StartsWith("data:", StringComparison.Ordinal) && name == "message_created")
                    ids.Add(JsonNode.Parse(line[5..])!["message"]!["id"]!.GetValue<long>());
            }
        }
        catch (OperationCanceledException)
        {
            // Fewer than expected arrived in a minute: the assertion that follows says how many.
        }
        return ids;
    }
}
