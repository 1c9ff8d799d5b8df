using System.Net;
using System.Net.Http.Json;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Xunit;

namespace Microchat.Server.Tests.Messages;

public sealed class SendMessageTests
{
    [Fact]
    public async Task Send_InADialog_Returns201_AndBothSidesSeeItWithTheOtherPartyAsChat()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync(name: "Alice", surname: "Liddell");
        var bob = await host.SignUpAsync(name: "Bob");

        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("Hello, Bob"));
        var seenByBob = await bob.Client.Messages.GetAsync(alice.Ref, sent.Id);

        Assert.Equal(1, sent.Id);
        Assert.Equal("Hello, Bob", sent.Text);
        Assert.Equal((bob.Id, EntityType.User, "Bob"), (sent.Chat.Id, sent.Chat.Type, sent.Chat.Title));
        Assert.Equal((alice.Id, "Alice Liddell"), (sent.Sender.Id, sent.Sender.Title));
        Assert.Empty(sent.Attachments);
        Assert.Null(sent.ReplyTo);
        Assert.Null(sent.EditedAt);
        Assert.True(sent.SentAt > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(alice.Id, seenByBob.Chat.Id);
        Assert.Equivalent(sent with { Chat = seenByBob.Chat }, seenByBob, strict: true);
    }

    [Fact]
    public async Task Send_AnswersWithALocation_ThatGetsTheMessage()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", alice.Client.Token);

        using var response = await http.PostAsJsonAsync($"chats/{bob.Ref}/messages", new SendMessageRequest("hi"), MicrochatJson.Options);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/chats/{bob.Ref}/messages/1", response.Headers.Location?.OriginalString);
        using var again = await http.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Send_ToSelf_IsSavedMessages_WithSelfAsChat()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        var sent = await alice.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("note to self"));
        var listed = await alice.Client.Messages.ListAsync(alice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(alice.Id, sent.Chat.Id);
        Assert.Equal(alice.Id, sent.Sender.Id);
        Assert.Equal([sent.Id], listed.Select(m => m.Id));
    }

    [Fact]
    public async Task UsersAndBots_MessageEachOther_WithoutPriorContact()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bot = await host.CreateBotAsync(alice);
        var otherBot = await host.CreateBotAsync(await host.SignUpAsync());

        var toBot = await alice.Client.Messages.SendAsync(bot.Ref, new SendMessageRequest("/start"));
        var reply = await bot.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("Welcome!", ReplyTo: toBot.Id));
        var botToBot = await bot.Client.Messages.SendAsync(otherBot.Ref, new SendMessageRequest("ping"));

        Assert.Equal(EntityType.Bot, toBot.Chat.Type);
        Assert.Equal((2L, 1L), (reply.Id, reply.ReplyTo!.Value));
        Assert.Equal(EntityType.Bot, reply.Sender.Type);
        Assert.Equal(EntityType.Bot, (await otherBot.Client.Messages.GetAsync(bot.Ref, botToBot.Id)).Chat.Type);
    }

    [Fact]
    public async Task Send_WithAttachments_TakesEachMediasKind_AndNumbersAttachmentsAcrossTheChat()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var photo = await host.CreateMediaAsync(bob, MediaKind.Photo);
        var file = await host.CreateMediaAsync(alice, MediaKind.File);
        var voice = await host.CreateMediaAsync(alice, MediaKind.Audio);

        // Any media id the sender knows will do: Alice attaches one Bob uploaded.
        var first = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("look", [photo, file]));
        var second = await bob.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest(Attachments: [voice]));

        Assert.Equal([(1L, MediaKind.Photo, photo), (2L, MediaKind.File, file)], first.Attachments.Select(a => (a.Id, a.Kind, a.Media.Id)));
        Assert.Equal("image/png", first.Attachments[0].Media.ContentType);
        Assert.Null(second.Text);
        Assert.Equal((3L, MediaKind.Audio), (second.Attachments.Single().Id, second.Attachments.Single().Kind));
    }

    [Fact]
    public async Task Send_WithAReply_ToAMessageOfTheSameChat()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var question = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("?"));

        var answer = await bob.Client.Messages.SendAsync(alice.Ref, new SendMessageRequest("!", ReplyTo: question.Id));

        Assert.Equal(question.Id, answer.ReplyTo);
        Assert.Equal(question.Id, (await alice.Client.Messages.GetAsync(bob.Ref, answer.Id)).ReplyTo);
    }

    [Fact]
    public async Task Send_ExactlyAtTheLimits_IsAccepted()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var media = new List<string>();
        for (var i = 0; i < 10; i++) media.Add(await host.CreateMediaAsync(alice, MediaKind.File));

        var sent = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest(new string('a', 4096), media));

        Assert.Equal(4096, sent.Text?.Length);
        Assert.Equal(10, sent.Attachments.Count);
    }

    [Fact]
    public async Task Send_IsRefused_WhenAnonymous()
    {
        await using var host = new MicrochatHost();
        var bob = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized,
            () => host.Anonymous().Messages.SendAsync(bob.Ref, new SendMessageRequest("hi")));
        await ApiAssert.RefusedAsync(HttpStatusCode.Unauthorized, () => host.Anonymous().Messages.ListAsync(bob.Ref));
    }

    [Fact]
    public async Task Send_ToNobody_Is404_AndToAMalformedReference_Is400()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Messages.SendAsync("@nobody_here", new SendMessageRequest("hi")));
        await ApiAssert.RefusedAsync(HttpStatusCode.NotFound, () => alice.Client.Messages.SendAsync("999999", new SendMessageRequest("hi")));
        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Messages.SendAsync("@1bad", new SendMessageRequest("hi")), "chat");
    }

    public static TheoryData<string> InvalidSends => ["empty", "whitespace", "too long", "eleven attachments", "unknown media",
        "blank media id", "duplicate media", "reply to nothing", "reply to zero", "reply to another chat's message", "huge reply id"];

    [Theory]
    [MemberData(nameof(InvalidSends))]
    public async Task Send_IsRefusedWith400AndAFieldError_AndStoresNothing(string @case)
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var carol = await host.SignUpAsync();
        var existing = await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("already here"));
        var elsewhere = await alice.Client.Messages.SendAsync(carol.Ref, new SendMessageRequest("x"));
        await alice.Client.Messages.SendAsync(carol.Ref, new SendMessageRequest("y"));
        var photo = await host.CreateMediaAsync(alice);
        var eleven = new List<string>();
        for (var i = 0; i < 11; i++) eleven.Add(await host.CreateMediaAsync(alice));

        var (request, field) = @case switch
        {
            "empty" => (new SendMessageRequest(), "text"),
            "whitespace" => (new SendMessageRequest(" \n\t "), "text"),
            "too long" => (new SendMessageRequest(new string('a', 4097)), "text"),
            "eleven attachments" => (new SendMessageRequest("x", eleven), "attachments"),
            "unknown media" => (new SendMessageRequest("x", [photo, "no-such-media"]), "attachments"),
            "blank media id" => (new SendMessageRequest("x", [""]), "attachments"),
            "duplicate media" => (new SendMessageRequest("x", [photo, photo]), "attachments"),
            "reply to nothing" => (new SendMessageRequest("x", ReplyTo: 42), "reply_to"),
            "reply to zero" => (new SendMessageRequest("x", ReplyTo: 0), "reply_to"),
            // Message 2 exists in Alice's dialog with Carol, not in hers with Bob.
            "reply to another chat's message" => (new SendMessageRequest("x", ReplyTo: elsewhere.Id + 1), "reply_to"),
            "huge reply id" => (new SendMessageRequest("x", ReplyTo: (1L << 32) | 1), "reply_to"),
            _ => throw new ArgumentOutOfRangeException(nameof(@case)),
        };

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest, () => alice.Client.Messages.SendAsync(bob.Ref, request), field);

        Assert.Equal([existing.Id], (await bob.Client.Messages.ListAsync(alice.Ref)).Select(m => m.Id));
        Assert.Empty(await bob.Client.Messages.ListGalleryAsync(alice.Ref, GalleryKind.Photos));
    }

    [Fact]
    public async Task Send_ReportsEveryBadFieldAtOnce()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();

        await ApiAssert.RefusedAsync(HttpStatusCode.BadRequest,
            () => alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest(new string('a', 5000), ["nope"], ReplyTo: 7)),
            "text", "attachments", "reply_to");
    }

    [Fact]
    public async Task Send_WithoutABody_OrWithBrokenJson_Is400()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", alice.Client.Token);

        using var noBody = await http.PostAsync($"chats/{bob.Ref}/messages", null);
        using var broken = await http.PostAsync($"chats/{bob.Ref}/messages",
            new StringContent("{\"text\": ", System.Text.Encoding.UTF8, "application/json"));
        using var wrongType = await http.PostAsync($"chats/{bob.Ref}/messages",
            new StringContent("{\"text\": 5}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Empty(await bob.Client.Messages.ListAsync(alice.Ref));
    }

    [Fact]
    public async Task Send_RetriedWithTheSameIdempotencyKey_IsStoredOnce()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        using var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", alice.Client.Token);

        async Task<Message> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"chats/{bob.Ref}/messages")
            {
                Content = JsonContent.Create(new SendMessageRequest("only once"), options: MicrochatJson.Options),
            };
            request.Headers.Add("Idempotency-Key", "send-1");
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<Message>(MicrochatJson.Options))!;
        }

        var first = await SendAsync();
        var retry = await SendAsync();

        Assert.Equivalent(first, retry, strict: true);
        Assert.Single(await bob.Client.Messages.ListAsync(alice.Ref));
    }
}
