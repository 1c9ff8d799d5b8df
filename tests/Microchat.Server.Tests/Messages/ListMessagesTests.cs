using System.Net;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Messages;

public sealed class ListMessagesTests
{
    private static async Task<(MicrochatHost Host, SignedIn Alice, SignedIn Bob)> DialogWithAsync(int messages)
    {
        var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        for (var i = 1; i <= messages; i++)
        {
            var from = i % 2 == 1 ? alice : bob;
            await from.Client.Messages.SendAsync(from == alice ? bob.Ref : alice.Ref, new SendMessageRequest($"m{i}"));
        }
        return (host, alice, bob);
    }

    [Fact]
    public async Task List_IsNewestFirst_WithOffsetAndCount()
    {
        var (host, alice, bob) = await DialogWithAsync(30);
        await using var _ = host;

        var newest = await alice.Client.Messages.ListAsync(bob.Ref);
        var page = await alice.Client.Messages.ListAsync(bob.Ref, offset: 5, count: 3);
        var all = await bob.Client.Messages.ListAsync(alice.Ref, count: 100);

        Assert.Equal(20, newest.Count);
        Assert.Equal(Enumerable.Range(11, 20).Reverse().Select(i => (long)i), newest.Select(m => m.Id));
        Assert.Equal([25L, 24L, 23L], page.Select(m => m.Id));
        Assert.Equal(30, all.Count);
        Assert.All(all, m => Assert.Equal($"m{m.Id}", m.Text));
        Assert.All(all, m => Assert.Equal(alice.Id, m.Chat.Id));
    }

    [Fact]
    public async Task Before_PagesBackFromAMessageId()
    {
        var (host, alice, bob) = await DialogWithAsync(30);
        await using var _ = host;

        var before = await alice.Client.Messages.ListAsync(bob.Ref, count: 5, before: 16);
        var next = await alice.Client.Messages.ListAsync(bob.Ref, count: 5, before: before[^1].Id);
        var withOffset = await alice.Client.Messages.ListAsync(bob.Ref, offset: 2, count: 2, before: 16);
        var beforeTheFirst = await alice.Client.Messages.ListAsync(bob.Ref, before: 1);
        var beyondTheEnd = await alice.Client.Messages.ListAsync(bob.Ref, count: 3, before: 1_000_000);

        Assert.Equal([15L, 14L, 13L, 12L, 11L], before.Select(m => m.Id));
        Assert.Equal([10L, 9L, 8L, 7L, 6L], next.Select(m => m.Id));
        Assert.Equal([13L, 12L], withOffset.Select(m => m.Id));
        Assert.Empty(beforeTheFirst);
        Assert.Equal([30L, 29L, 28L], beyondTheEnd.Select(m => m.Id));
    }

    [Fact]
    public async Task List_OfADialogWithoutMessages_IsEmpty()
    {
        var (host, alice, bob) = await DialogWithAsync(0);
        await using var _ = host;

        Assert.Empty(await alice.Client.Messages.ListAsync(bob.Ref));
    }

    public static TheoryData<string, string> BadQueries => new()
    {
        { "before=0", "before" },
        { "before=-3", "before" },
        { "offset=-1", "offset" },
        { "count=0", "count" },
        { "count=101", "count" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task List_WithAnOutOfRangeQuery_Is400WithTheField(string query, string field)
    {
        var (host, alice, bob) = await DialogWithAsync(3);
        await using var _ = host;
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", alice.Client.Token);

        using var response = await http.GetAsync($"chats/{bob.Ref}/messages?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("before=abc")]
    [InlineData("before=1.5")]
    [InlineData("count=ten")]
    public async Task List_WithAMalformedQuery_Is400(string query)
    {
        var (host, alice, bob) = await DialogWithAsync(1);
        await using var _ = host;
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", alice.Client.Token);

        using var response = await http.GetAsync($"chats/{bob.Ref}/messages?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task List_ThroughTheClient_RefusesOutOfRangeValues()
    {
        var (host, alice, bob) = await DialogWithAsync(1);
        await using var _ = host;

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Messages.ListAsync(bob.Ref, before: 0), "before");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Messages.ListAsync(bob.Ref, offset: -1), "offset");
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Messages.ListAsync(bob.Ref, count: 101), "count");
    }

    [Fact]
    public async Task Get_ReturnsOneMessage_AndAMissingOneIs404()
    {
        var (host, alice, bob) = await DialogWithAsync(3);
        await using var _ = host;

        var second = await bob.Client.Messages.GetAsync(alice.Ref, 2);

        Assert.Equal(("m2", bob.Id, alice.Id), (second.Text, second.Sender.Id, second.Chat.Id));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Messages.GetAsync(bob.Ref, 4));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Messages.GetAsync(bob.Ref, 0));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Messages.GetAsync(bob.Ref, -1));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Messages.GetAsync(bob.Ref, (1L << 32) | 1));
    }

    [Fact]
    public async Task Get_ByAnIdThatDoesNotParse_Is400()
    {
        var (host, alice, bob) = await DialogWithAsync(1);
        await using var _ = host;
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", alice.Client.Token);

        using var response = await http.GetAsync($"chats/{bob.Ref}/messages/abc");
        using var tooBig = await http.GetAsync($"chats/{bob.Ref}/messages/99999999999999999999999");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
    }

    [Fact]
    public async Task AnotherUsersDialog_IsNotReadableThroughYourOwn()
    {
        var (host, alice, bob) = await DialogWithAsync(3);
        await using var _ = host;
        var carol = await host.SignUpAsync();

        // Carol's "@alice" is her own dialog with Alice: empty, whatever Alice and Bob said.
        Assert.Empty(await carol.Client.Messages.ListAsync(alice.Ref));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => carol.Client.Messages.GetAsync(alice.Ref, 1));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => carol.Client.Messages.GetAsync(bob.Ref, 1));
    }
}
