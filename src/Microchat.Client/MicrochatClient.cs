using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microchat.Client;

/// <summary>The typed client of a Microchat server, grouped by resource (<c>client.Messages</c>, …).</summary>
public sealed class MicrochatClient : IMicrochatClient
{
    private readonly MicrochatTransport _transport;

    /// <summary>A client over an <see cref="HttpClient"/> whose BaseAddress is the API root (the trailing "/" is optional).</summary>
    public MicrochatClient(HttpClient http) : this(http, null, null)
    {
    }

    /// <summary>A client with retry settings and a logger for retries and reconnects; <see cref="MicrochatClientOptions.BaseAddress"/>, when set, wins over the HttpClient's.</summary>
    public MicrochatClient(HttpClient http, MicrochatClientOptions? options, ILogger<MicrochatClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        options ??= new MicrochatClientOptions();
        _transport = new MicrochatTransport(http, options, (ILogger?)logger ?? NullLogger.Instance) { Token = options.Token };
        Me = new MeClient(_transport);
        Auth = new AuthClient(_transport);
        Bots = new BotsClient(_transport);
        Chats = new ChatsClient(_transport);
        Messages = new MessagesClient(_transport);
        Conferences = new ConferencesClient(_transport);
        Members = new MembersClient(_transport);
        Media = new MediaClient(_transport);
        Avatars = new AvatarsClient(_transport);
        Contacts = new ContactsClient(_transport);
        Events = new EventsClient(_transport);
    }

    /// <summary>The bearer token sent with every request; null sends none.</summary>
    public string? Token
    {
        get => _transport.Token;
        set => _transport.Token = value;
    }

    /// <summary>
    /// Makes the next POST of this async flow carry <paramref name="key"/> as its Idempotency-Key
    /// (otherwise the client makes one per call). Keep the key with the work it stands for, and a
    /// send repeated after a crash is answered with the first result instead of doubling.
    /// </summary>
    public static IDisposable UseIdempotencyKey(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (key.Length > 64) throw new ArgumentOutOfRangeException(nameof(key), "An Idempotency-Key is 1..64 characters.");
        return IdempotencyScope.Begin(key);
    }

    /// <summary>The caller itself: <c>GET /me</c> and a bot's webhook.</summary>
    public MeClient Me { get; }

    /// <summary>Accounts, logins and tokens.</summary>
    public AuthClient Auth { get; }

    /// <summary>Creating bots.</summary>
    public BotsClient Bots { get; }

    /// <summary>The caller's chat list, chat details, read markers.</summary>
    public ChatsClient Chats { get; }

    /// <summary>Messages and galleries of a chat.</summary>
    public MessagesClient Messages { get; }

    /// <summary>Conferences and their default permissions.</summary>
    public ConferencesClient Conferences { get; }

    /// <summary>Conference members and their permissions.</summary>
    public MembersClient Members { get; }

    /// <summary>Uploading and downloading media.</summary>
    public MediaClient Media { get; }

    /// <summary>Avatars of users, bots and conferences.</summary>
    public AvatarsClient Avatars { get; }

    /// <summary>The caller's contact list.</summary>
    public ContactsClient Contacts { get; }

    /// <summary>The Server-Sent Events stream.</summary>
    public EventsClient Events { get; }

    /// <summary>The logger the client reports retries and reconnects to (the bot host reports handler failures there too).</summary>
    internal ILogger Logger => _transport.Logger;

    IMeClient IMicrochatClient.Me => Me;
    IAuthClient IMicrochatClient.Auth => Auth;
    IBotsClient IMicrochatClient.Bots => Bots;
    IChatsClient IMicrochatClient.Chats => Chats;
    IMessagesClient IMicrochatClient.Messages => Messages;
    IConferencesClient IMicrochatClient.Conferences => Conferences;
    IMembersClient IMicrochatClient.Members => Members;
    IMediaClient IMicrochatClient.Media => Media;
    IAvatarsClient IMicrochatClient.Avatars => Avatars;
    IContactsClient IMicrochatClient.Contacts => Contacts;
    IEventsClient IMicrochatClient.Events => Events;
}
