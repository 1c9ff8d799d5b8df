namespace Microchat.Client;

/// <summary>The typed client of a Microchat server, grouped by resource; implemented by <see cref="MicrochatClient"/>, mockable in tests.</summary>
public interface IMicrochatClient
{
    /// <summary>The bearer token sent with every request; null sends none.</summary>
    string? Token { get; set; }

    /// <summary>The caller itself: <c>GET /me</c> and a bot's webhook.</summary>
    IMeClient Me { get; }

    /// <summary>Accounts, logins and tokens.</summary>
    IAuthClient Auth { get; }

    /// <summary>Creating bots.</summary>
    IBotsClient Bots { get; }

    /// <summary>The caller's chat list, chat details, read markers.</summary>
    IChatsClient Chats { get; }

    /// <summary>Messages and galleries of a chat.</summary>
    IMessagesClient Messages { get; }

    /// <summary>Conferences and their default permissions.</summary>
    IConferencesClient Conferences { get; }

    /// <summary>Conference members and their permissions.</summary>
    IMembersClient Members { get; }

    /// <summary>Uploading and downloading media.</summary>
    IMediaClient Media { get; }

    /// <summary>Avatars of users, bots and conferences.</summary>
    IAvatarsClient Avatars { get; }

    /// <summary>The caller's contact list.</summary>
    IContactsClient Contacts { get; }

    /// <summary>The Server-Sent Events stream.</summary>
    IEventsClient Events { get; }
}
