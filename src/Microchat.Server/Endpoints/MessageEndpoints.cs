using Microchat.Server.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using Microchat.Contracts;
using Microchat.Server.Domain;
using Microchat.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchat.Server.Endpoints;

/// <summary>A chat's messages and galleries: <c>/chats/@{alias}/messages</c>.</summary>
internal static class MessageEndpoints
{
    public static RouteGroupBuilder MapMessages(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/chats/{chat}/messages").WithTags("Messages");

        group.MapGet("", ListAsync)
            .WithName("ListMessages").WithSummary("List a chat's messages, newest first; before pages back from a message id.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        group.MapPost("", SendAsync)
            .WithMetadata(MicrochatRateLimit.Send)
            .WithName("SendMessage").WithSummary("Send a message with text, attachments, or both.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404, 429);

        group.MapGet("/{id}", GetAsync)
            .WithName("GetMessage").WithSummary("Get one message.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        group.MapPatch("/{id}", EditAsync)
            .WithName("EditMessage").WithSummary("Edit one of the caller's messages.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        group.MapDelete("/{id}", DeleteAsync)
            .WithName("DeleteMessage").WithSummary("Delete a message for everyone.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        // Literal segments: routing prefers "/messages/photos" over "/messages/{id}", so the
        // galleries and single messages share the path without a catch-all {kind}.
        foreach (var kind in Enum.GetValues<GalleryKind>()) group.MapGallery(kind);
        return api;
    }

    private static void MapGallery(this RouteGroupBuilder group, GalleryKind kind)
    {
        var segment = kind.ToString().ToLowerInvariant();
        var singular = kind.ToString().TrimEnd('s');

        group.MapGet($"/{segment}", (string chat, Caller caller, [AsParameters] PageQuery page, GalleryService galleries, CancellationToken ct) =>
                ListGalleryAsync(chat, kind, caller, page, galleries, ct))
            .WithName($"ListGallery{kind}").WithSummary($"List a chat's {segment}, newest first.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        group.MapGet($"/{segment}/{{id}}", (string chat, long id, Caller caller, GalleryService galleries, CancellationToken ct) =>
                GetGalleryItemAsync(chat, kind, id, caller, galleries, ct))
            .WithName($"GetGallery{singular}").WithSummary($"Get one item of a chat's {segment}.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        group.MapDelete($"/{segment}/{{id}}", (string chat, long id, Caller caller, GalleryService galleries, CancellationToken ct) =>
                DeleteGalleryItemAsync(chat, kind, id, caller, galleries, ct))
            .WithName($"DeleteGallery{singular}")
            .WithSummary(kind == GalleryKind.Links
                ? "Remove a link item; the message's text stays."
                : $"Remove one of a chat's {segment} from its message.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);
    }

    private static async Task<Ok<IReadOnlyList<Message>>> ListAsync(
        string chat, Caller caller, [AsParameters] PageQuery page, long? before, MessageService messages, CancellationToken ct) =>
        TypedResults.Ok(await messages.ListAsync(caller, chat, page, before, ct));

    private static async Task<Created<Message>> SendAsync(
        string chat, SendMessageRequest request, Caller caller, MessageService messages, HttpContext http, CancellationToken ct)
    {
        var message = await messages.SendAsync(caller, chat, request, ct);
        http.RequestServices.GetRequiredService<MicrochatTelemetry>().MessageSent(message.Chat.Type.ToString().ToLowerInvariant());
        var where = message.Chat.Alias is { } alias ? "@" + alias : message.Chat.Id.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Created(Locations.Of(http, $"chats/{where}/messages/{message.Id}"), message);
    }

    private static async Task<Ok<Message>> GetAsync(string chat, long id, Caller caller, MessageService messages, CancellationToken ct) =>
        TypedResults.Ok(await messages.GetAsync(caller, chat, id, ct));

    private static async Task<Ok<Message>> EditAsync(
        string chat, long id, EditMessageRequest request, Caller caller, MessageService messages, CancellationToken ct) =>
        TypedResults.Ok(await messages.EditAsync(caller, chat, id, request, ct));

    private static async Task<NoContent> DeleteAsync(string chat, long id, Caller caller, MessageService messages, CancellationToken ct)
    {
        await messages.DeleteAsync(caller, chat, id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<GalleryItem>>> ListGalleryAsync(
        string chat, GalleryKind kind, Caller caller, PageQuery page, GalleryService galleries, CancellationToken ct) =>
        TypedResults.Ok(await galleries.ListAsync(caller, chat, kind, page, ct));

    private static async Task<Ok<GalleryItem>> GetGalleryItemAsync(
        string chat, GalleryKind kind, long id, Caller caller, GalleryService galleries, CancellationToken ct) =>
        TypedResults.Ok(await galleries.GetAsync(caller, chat, kind, id, ct));

    private static async Task<NoContent> DeleteGalleryItemAsync(
        string chat, GalleryKind kind, long id, Caller caller, GalleryService galleries, CancellationToken ct)
    {
        await galleries.DeleteAsync(caller, chat, kind, id, ct);
        return TypedResults.NoContent();
    }
}
