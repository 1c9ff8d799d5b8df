using System.Net;
using Microchat.Contracts;
using static Microchat.Server.Tests.Authorization.Rows;

namespace Microchat.Server.Tests.Authorization;

/// <summary>
/// One cell's view of the world: the shared cast, until the row's request builder swaps a part for a fresh one
/// because its call changes or destroys it (a fresh conference to delete, a fresh owner to delete itself).
/// The caller is chosen from the cell's cast after the builder ran, so a fresh owner also calls as the owner.
/// </summary>
public sealed class MatrixCell(MatrixWorld world, Who who, bool isPrivate)
{
    public Who Who { get; } = who;

    public MatrixWorld World { get; } = world;

    /// <summary>Whether the table's conferences are private.</summary>
    public bool IsPrivate { get; } = isPrivate;

    public Actor Owner { get; private set; } = world.Owner;

    public Actor Bot { get; private set; } = world.Bot;

    /// <summary>The table's shared conference, whose messages and gallery items cells read.</summary>
    public SharedConference Shared { get; } = isPrivate ? world.PrivateConference : world.PublicConference;

    /// <summary>"@alias" of the target conference: the shared one, or a fresh one once a row asked for it.</summary>
    public string Conference { get; private set; } = (isPrivate ? world.PrivateConference : world.PublicConference).Ref;

    /// <summary>The caller of this cell; null for the anonymous one.</summary>
    public Actor? Caller => Who switch
    {
        Who.Anonymous => null,
        Who.Stranger => World.Stranger,
        Who.Member => World.Member,
        Who.Admin => World.Admin,
        Who.Owner => Owner,
        Who.SiteAdministrator => World.SiteAdministrator,
        Who.Bot => Bot,
        _ => throw new ArgumentOutOfRangeException(nameof(Who), Who, null),
    };

    /// <summary>The caller, or for the anonymous cell the member (a path that names "oneself" still needs someone).</summary>
    public Actor Self => Caller ?? World.Member;

    /// <summary>Makes the target conference a fresh one with the usual members; returns its "@alias".</summary>
    public async Task<string> FreshConferenceAsync() => Conference = await World.CreateConferenceAsync(Owner, IsPrivate);

    /// <summary>
    /// Makes the target conference a fresh one where the owner sent a photo with a caption before anyone else
    /// joined; returns that message. In a private conference only the owner may read it.
    /// </summary>
    public async Task<Message> FreshConferenceWithEarlyMessageAsync()
    {
        Message? early = null;
        Conference = await World.CreateConferenceAsync(Owner, IsPrivate, async conference =>
            early = await World.Api.CallAsync<Message>(Post($"chats/{conference}/messages",
                new SendMessageRequest("Before you came", [World.Media.Photo])), Owner.Token, HttpStatusCode.Created));
        return early!;
    }

    /// <summary>Makes the owner a freshly registered user (for rows that change or delete the owner's account).</summary>
    public async Task<Actor> FreshOwnerAsync() => Owner = await World.RegisterAsync("owner");

    /// <summary>Makes the bot a fresh one of the owner's, in no conference.</summary>
    public async Task<Actor> FreshBotAsync() => Bot = await World.CreateBotAsync(Owner);

    /// <summary>Has <paramref name="sender"/> send a message to the target conference.</summary>
    public Task<Message> SendAsync(Actor sender, SendMessageRequest message) =>
        World.Api.CallAsync<Message>(Post($"chats/{Conference}/messages", message), sender.Token, HttpStatusCode.Created);
}
