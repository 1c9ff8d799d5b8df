namespace Microchat.Client;

/// <summary>The typed client of a Microchat server, grouped by resource (<c>client.Auth</c>, …).</summary>
public sealed class MicrochatClient
{
    private readonly MicrochatTransport _transport;

    /// <summary>A client over an <see cref="HttpClient"/> whose BaseAddress is the API root (ending in "/").</summary>
    public MicrochatClient(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _transport = new MicrochatTransport(http);
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
}
