using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microchat.Server.OpenApi;

/// <summary>
/// Document-wide facts: the bearer scheme (and the query-token scheme the event stream and
/// media downloads accept), what each tag is about, the licence, and a server URL that a
/// linter accepts (no trailing slash).
/// </summary>
internal sealed class MicrochatDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";
    public const string QueryTokenScheme = "access_token";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Accounts"] = "Registration, login tokens and the caller's own profile.",
        ["Bots"] = "Bots a user owns; a bot authenticates with its own token.",
        ["Chats"] = "The caller's chats: dialogs with users and bots, and conferences; details, profile edits, read markers.",
        ["Conferences"] = "Group chats: creating them and their default permissions.",
        ["Members"] = "A conference's members and their permissions.",
        ["Messages"] = "Sending, paging, editing and deleting messages, and a chat's media galleries.",
        ["Media"] = "Uploading files and downloading their bytes.",
        ["Avatars"] = "Profile and conference pictures.",
        ["Contacts"] = "A user's address book.",
        ["Events"] = "The live Server-Sent Events stream of what happens in the caller's chats.",
        ["Reactions"] = "Emoji reactions to messages.",
        ["Search"] = "Searching messages and chats.",
        ["Webhooks"] = "Pushing a bot's events to its URL instead of a stream.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.License ??= new OpenApiLicense { Name = "MIT", Url = new Uri("https://opensource.org/license/mit") };
        document.Info.Description ??= "Microchat: an embeddable chat backend. Authenticate with `Authorization: Bearer <token>` "
            + "from POST /api/auth/tokens.";

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A user's token from POST /api/auth/tokens, or a bot's token.",
        };
        document.Components.SecuritySchemes[QueryTokenScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Query,
            Name = "access_token",
            Description = "The same token in the URL, accepted only where a browser cannot set headers (EventSource, <img>).",
        };

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is not null && tag.Description is null && TagDescriptions.TryGetValue(tag.Name, out var description))
                tag.Description = description;
        }

        // The framework derives the server from the request (scheme, host, path base) with a trailing slash.
        foreach (var server in document.Servers ?? new List<OpenApiServer>())
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/')) server.Url = url.TrimEnd('/');
        }
        return Task.CompletedTask;
    }
}
