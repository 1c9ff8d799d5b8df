using System.Net;
using System.Text;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Conferences;

/// <summary>Odd paths and bodies on the conference, member, bot and chat-details endpoints: always a 4xx problem, never a 500.</summary>
public sealed class MalformedInputTests
{
    [Theory]
    [InlineData("POST", "conferences", """{"alias":"ok_alias","title":"T","private":"yes"}""", 400)]
    [InlineData("POST", "conferences", """{"alias":123,"title":"T"}""", 400)]
    [InlineData("POST", "conferences", "[]", 400)]
    [InlineData("POST", "conferences", "null", 400)]
    [InlineData("POST", "conferences", """{"alias":"ålice","title":"T"}""", 400)]
    [InlineData("POST", "bots", """{"alias":"ok_bot","title":["T"]}""", 400)]
    [InlineData("POST", "bots", "{}", 400)]
    [InlineData("POST", "chats/@lobby/members", """{"id":1e30}""", 400)]
    [InlineData("POST", "chats/@lobby/members", """{"id":9223372036854775807}""", 404)]
    [InlineData("POST", "chats/@lobby/members", """{"alias":null,"id":null}""", 400)]
    [InlineData("POST", "chats/@lobby/members", "not json", 400)]
    [InlineData("POST", "chats/%20/members", """{"id":1}""", 400)]
    [InlineData("GET", "chats/@lobby/members/%40", null, 400)]
    [InlineData("GET", "chats/@lobby/members/0", null, 400)]
    [InlineData("GET", "chats/@lobby/members/1.5", null, 400)]
    [InlineData("GET", "chats/@lobby/members?count=abc", null, 400)]
    [InlineData("DELETE", "chats/@lobby/members/99999999999999999999", null, 400)]
    [InlineData("PATCH", "chats/@lobby/permissions", """{"read":"yes"}""", 400)]
    [InlineData("PATCH", "chats/@lobby/permissions", "null", 400)]
    [InlineData("PATCH", "chats/@lobby/members/@owner_x/permissions", """{"send":1}""", 400)]
    [InlineData("PATCH", "chats/@lobby", """{"private":null,"title":5}""", 400)]
    [InlineData("PATCH", "chats/@lobby", """{"title":"x","unknown":[1,2]}""", 200)]
    [InlineData("DELETE", "chats/@@lobby", null, 400)]
    [InlineData("GET", "chats/@lobby/members/@owner_x/permissions/extra", null, 404)]
    public async Task OddRequests_GetA4xxProblem(string method, string path, string? body, int status)
    {
        await using var host = new MicrochatHost();
        var owner = await host.SignUpAsync("owner_x");
        await owner.CreateConferenceAsync(alias: "lobby");
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", owner.Client.Token);
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };

        using var response = await http.SendAsync(request);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        if (status >= 400) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
