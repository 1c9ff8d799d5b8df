using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>One-call conveniences on any <see cref="IMicrochatClient"/> (so they work on a mock too).</summary>
public static class MicrochatClientExtensions
{
    /// <summary>Who the caller is (<c>GET /me</c>): a bot's id, alias and title.</summary>
    public static Task<Me> GetMeAsync(this IMicrochatClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Me.GetAsync(cancellationToken);
    }

    /// <summary>Sends a text message to a chat (an event's <c>Chat</c>, an id, or an alias).</summary>
    public static Task<Message> SendTextAsync(this IMicrochatClient client, ChatRef chat, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Messages.SendAsync(chat.Path, new SendMessageRequest(text), cancellationToken);
    }

    /// <summary>
    /// Answers a message in its chat, as a reply to it. The Idempotency-Key is made from the message
    /// and the text, so an event handled again (after a restart, a webhook retry) does not answer twice.
    /// </summary>
    public static Task<Message> ReplyAsync(this IMicrochatClient client, MessageEvent message, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(message);
        using (MicrochatClient.UseIdempotencyKey(ReplyKey(message, text)))
            return client.Messages.SendAsync(ChatRef.FromSummary(message.Chat).Path,
                new SendMessageRequest(text, ReplyTo: message.Message.Id), cancellationToken);
    }

    /// <summary>Uploads a photo from a stream and sends it (with an optional caption) in one call; the stream is read, not disposed.</summary>
    public static Task<Message> SendPhotoAsync(this IMicrochatClient client, ChatRef chat, Stream photo, string fileName = "photo.jpg",
        string? caption = null, string contentType = "image/jpeg", long? replyTo = null, CancellationToken cancellationToken = default) =>
        SendFileAsync(client, chat, photo, fileName, caption, contentType, replyTo, cancellationToken);

    /// <summary>Uploads a file from a stream and sends it (with an optional caption) in one call; the stream is read, not disposed.</summary>
    public static async Task<Message> SendFileAsync(this IMicrochatClient client, ChatRef chat, Stream content, string fileName,
        string? caption = null, string contentType = "application/octet-stream", long? replyTo = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(content);
        var media = await client.Media.UploadAsync(content, contentType, fileName, cancellationToken);
        return await client.Messages.SendAsync(chat.Path, new SendMessageRequest(caption, [media.Id], replyTo), cancellationToken);
    }

    // Short enough for the 64-character limit, specific enough that two different answers never collide.
    private static string ReplyKey(MessageEvent message, string text)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text ?? "")))[..16];
        return string.Create(CultureInfo.InvariantCulture, $"reply-{message.Chat.Id}-{message.Message.Id}-{hash}");
    }
}
