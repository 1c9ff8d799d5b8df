using System.Net;
using System.Net.Http.Headers;
using Microchat.Contracts;
using Microchat.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Microchat.Server.Tests.Authorization.Rows;

namespace Microchat.Server.Tests.Authorization;

/// <summary>
/// The matrix's one host and the cast every cell starts from: the callers, a private and a public conference
/// each holding the admin, the member, the bot and one more plain member, uploads of every kind, and a few
/// messages. Cells that change something make their own fresh targets (<see cref="MatrixCell"/>), so nothing
/// here changes while the matrix runs.
/// </summary>
public sealed class MatrixWorld : IAsyncLifetime
{
    public const string SiteAdministratorAlias = "matrix_root";

    private readonly MicrochatHost _root = new(new Dictionary<string, string?> { ["Microchat:Administrators:0"] = SiteAdministratorAlias });
    private int _aliases;

    public MatrixWorld()
    {
        Host = _root.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddTransient<IStartupFilter, EndpointEcho>()));
        var http = Host.CreateClient();
        http.BaseAddress = new Uri(http.BaseAddress!, "/api/");
        // The world's site administrator has a reserved alias: it registers with the setup key, as a real one would.
        http.DefaultRequestHeaders.Add("Microchat-Setup-Key", MicrochatHost.SetupKey);
        Api = new MatrixApi(http);
    }

    /// <summary>The host, with <see cref="EndpointEcho"/> added.</summary>
    public WebApplicationFactory<Program> Host { get; }

    public MatrixApi Api { get; }

    public Actor Owner { get; private set; } = null!;
    public Actor Admin { get; private set; } = null!;
    public Actor Member { get; private set; } = null!;
    public Actor Stranger { get; private set; } = null!;
    public Actor SiteAdministrator { get; private set; } = null!;
    public Actor Bot { get; private set; } = null!;

    /// <summary>A plain member of every conference the matrix makes, and of no interest to anyone: the target of member rows.</summary>
    public Actor Other { get; private set; } = null!;

    /// <summary>A user in nothing and nobody's contact: the one rows add to a conference or to contacts.</summary>
    public Actor Outsider { get; private set; } = null!;

    /// <summary>A user in the owner's contacts only.</summary>
    public Actor Pal { get; private set; } = null!;

    /// <summary>The shared private conference.</summary>
    public SharedConference PrivateConference { get; private set; } = null!;

    /// <summary>The shared public conference.</summary>
    public SharedConference PublicConference { get; private set; } = null!;

    /// <summary>Uploads by the owner, one of each kind.</summary>
    public MatrixMedia Media { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Owner = await RegisterAsync("owner");
        Admin = await RegisterAsync("admin");
        Member = await RegisterAsync("member");
        Stranger = await RegisterAsync("stranger");
        SiteAdministrator = await RegisterAsync(SiteAdministratorAlias, exact: true);
        Other = await RegisterAsync("other");
        Outsider = await RegisterAsync("outsider");
        Pal = await RegisterAsync("pal");
        Bot = await CreateBotAsync(Owner);
        await Api.CallAsync(Post("contacts", new AddContactRequest(Pal.Alias)), Owner.Token, HttpStatusCode.Created);
        Media = await MatrixMedia.UploadAsync(Api, Owner);
        PrivateConference = await SharedConference.CreateAsync(this, isPrivate: true);
        PublicConference = await SharedConference.CreateAsync(this, isPrivate: false);
    }

    public async Task DisposeAsync() => await _root.DisposeAsync();

    /// <summary>A unique valid alias with a readable stem.</summary>
    public string NewAlias(string stem) => $"{stem}_{Interlocked.Increment(ref _aliases)}";

    /// <summary>Registers a user and logs it in.</summary>
    public async Task<Actor> RegisterAsync(string stem, bool exact = false)
    {
        var alias = exact ? stem : NewAlias(stem);
        var profile = await Api.CallAsync<ChatDetails>(
            Post("users", new RegisterUserRequest(alias, TestUsers.Password, "Matrix", stem)), null, HttpStatusCode.Created);
        var token = await Api.CallAsync<CreatedToken>(
            Post("auth/tokens", new CreateTokenRequest(alias, TestUsers.Password, "matrix")), null, HttpStatusCode.Created);
        return new Actor(profile.Id, profile.Alias, token.Token);
    }

    /// <summary>Has <paramref name="owner"/> create a bot.</summary>
    public async Task<Actor> CreateBotAsync(Actor owner)
    {
        var created = await Api.CallAsync<CreatedBot>(
            Post("bots", new CreateBotRequest(NewAlias("bot"), "Matrix bot")), owner.Token, HttpStatusCode.Created);
        return new Actor(created.Bot.Id, created.Bot.Alias, created.Token);
    }

    /// <summary>
    /// A conference of <paramref name="owner"/>'s with the shared admin (granted <c>admin</c> by the owner), member,
    /// bot and <see cref="Other"/> in it; returns its "@alias". <paramref name="beforeOthersJoin"/> runs while the
    /// owner is still alone in it.
    /// </summary>
    public async Task<string> CreateConferenceAsync(Actor owner, bool isPrivate, Func<string, Task>? beforeOthersJoin = null)
    {
        var created = await Api.CallAsync<ChatDetails>(
            Post("conferences", new CreateConferenceRequest(NewAlias("conf"), "Matrix conference", null, isPrivate)),
            owner.Token, HttpStatusCode.Created);
        var conference = "@" + created.Alias;
        if (beforeOthersJoin is not null) await beforeOthersJoin(conference);
        foreach (var member in new[] { Admin, Member, Bot, Other })
        {
            await Api.CallAsync(Post($"chats/{conference}/members", new AddMemberRequest(Alias: member.Alias)),
                owner.Token, HttpStatusCode.Created);
        }
        await Api.CallAsync(Patch($"chats/{conference}/members/{Admin.Ref}/permissions", new PermissionsPatch(Admin: true)),
            owner.Token, HttpStatusCode.OK);
        return conference;
    }

    /// <summary>Has <paramref name="owner"/> give a conference (or itself, or its bot) an avatar; returns the avatar's id.</summary>
    public async Task<long> SetAvatarAsync(Actor owner, string chat)
    {
        var avatar = await Api.CallAsync<Avatar>(Post($"chats/{chat}/avatars", new SetAvatarRequest(Media.Photo)), owner.Token, HttpStatusCode.Created);
        return avatar.Id;
    }

    /// <summary>A raw upload body.</summary>
    public static ByteArrayContent Bytes(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
