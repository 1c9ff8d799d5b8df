using System.Net.Http.Headers;
using System.Text.Json;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Chats;

/// <summary>A field without a value is omitted, never null, in REST answers as in event data (docs/decisions.md).</summary>
public sealed class WireNullsTests
{
    [Fact]
    public async Task ChatDetails_OmitFieldsWithoutAValue_InsteadOfWritingNull()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync(name: "Alice");
        var bob = await host.SignUpAsync(name: "Bob");
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", alice.Client.Token);

        using var details = JsonDocument.Parse(await http.GetStringAsync($"chats/{bob.Ref}"));
        using var chats = JsonDocument.Parse(await http.GetStringAsync("chats"));

        Assert.False(details.RootElement.TryGetProperty("surname", out _), details.RootElement.ToString());
        Assert.False(details.RootElement.TryGetProperty("avatar", out _), details.RootElement.ToString());
        Assert.False(details.RootElement.TryGetProperty("member_count", out _), details.RootElement.ToString());
        Assert.DoesNotContain("null", details.RootElement.ToString());
        Assert.DoesNotContain("null", chats.RootElement.ToString());
    }
}
